// A deployed device comes back to the IT service (to be wiped again), after a confirmation.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass, SubmitButton } from "~/components/ui/form";

export function ReturnForm({ assetTag }: { assetTag: string }) {
  const { t } = useTranslation();
  return (
    <details className="w-full max-w-xl">
      <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.return")}</summary>
      <Form method="post" className="mt-3 flex flex-wrap items-center gap-2">
        <input type="hidden" name="intent" value="return" />
        <span className="text-sm">{t("devicePage.returnConfirmText")}</span>
        <SubmitButton variant="danger">{t("devicePage.returnConfirm", { assetTag })}</SubmitButton>
      </Form>
    </details>
  );
}
