// A technician collects a registered device from its department.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/form";

export function CollectForm() {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="collect" />
      <SubmitButton>{t("devicePage.collect")}</SubmitButton>
    </Form>
  );
}
