// The one answer the sign-up and registration pages give once the form is accepted: the same words
// whether or not the address has an account already, so the page tells strangers nothing.
import { useTranslation } from "react-i18next";
import { Card } from "./ui/page";

export function AddressProofSent() {
  const { t } = useTranslation();
  return (
    <Card title={t("addressProof.sentTitle")}>
      <div role="status" className="space-y-3">
        <p>{t("addressProof.sent")}</p>
        <p className="text-sm text-slate-700">{t("addressProof.notArrived")}</p>
      </div>
    </Card>
  );
}
