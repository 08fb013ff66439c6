// Form building blocks: a label, the control, and the field's error next to it, wired for screen
// readers (aria-invalid, aria-describedby) by conform.
import {
  FormProvider,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useField,
  useFormMetadata,
  type FieldMetadata,
  type FormMetadata,
} from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { messageParts } from "~/forms/fields";
import { buttonLinkClass, InPageLink } from "./focus";

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-emerald-700 focus:outline-none focus:ring-2 focus:ring-emerald-700 aria-[invalid=true]:border-red-700";

/**
 * A form validated by conform with one zod schema on client and server. It always renders
 * `noValidate`, so that a submission made before JavaScript loads reaches the server and comes back
 * with our own messages rather than the browser's.
 * Forms revalidate on input (`shouldRevalidate: "onInput"`), never on blur: an error cleared when a field
 * loses focus moves the submit button while it is being clicked (mousedown blurs the field, the error box
 * above shrinks, mouseup lands beside the button), and the click is lost.
 */
export function ValidatedForm<Schema extends Record<string, unknown>>({
  form,
  children,
  className,
  action,
}: {
  form: FormMetadata<Schema>;
  children: ReactNode;
  className?: string;
  action?: string;
}) {
  return (
    <FormProvider context={form.context}>
      <Form method="post" action={action} className={className} {...getFormProps(form)} noValidate>
        {children}
      </Form>
    </FormProvider>
  );
}

/**
 * The field's live metadata. Each field subscribes to its own state: metadata handed down from the
 * page's useForm does not re-render the field when only its errors change.
 */
function useLiveField<Value>(meta: FieldMetadata<Value>): FieldMetadata<Value> {
  const [field] = useField<Value>(meta.name, { formId: meta.formId });
  return field;
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((error) => {
        const { key, values } = messageParts(error);
        return <li key={error}>{t(key, values)}</li>;
      })}
    </ul>
  );
}

type InputType = "text" | "email" | "password" | "number" | "date" | "datetime-local" | "url" | "tel" | "search";

export function TextField({
  meta,
  label,
  type = "text",
  autoComplete,
  hint,
  readOnly,
  inputMode,
}: {
  /** Any field: a number's schema may read typed text first (see normalizeDecimalText), so its input type is open. */
  meta: FieldMetadata<unknown>;
  label: string;
  type?: InputType;
  autoComplete?: string;
  hint?: string;
  readOnly?: boolean;
  /** "decimal" for numbers with a fraction: a text field (a number field refuses a Dutch decimal comma) with a numeric keypad. */
  inputMode?: "decimal" | "numeric";
}) {
  const field = useLiveField(meta);
  const { key, ...inputProps } = getInputProps(field, { type, ariaDescribedBy: hint ? field.descriptionId : undefined });
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={field.descriptionId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input key={key} {...inputProps} autoComplete={autoComplete} readOnly={readOnly} inputMode={inputMode} className={controlClass} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ meta, label, hint }: { meta: FieldMetadata<string | undefined | null>; label: string; hint?: string }) {
  const field = useLiveField(meta);
  const { key, ...textareaProps } = getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined });
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={field.descriptionId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea key={key} {...textareaProps} rows={3} className={controlClass} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  options,
  placeholder,
}: {
  meta: FieldMetadata<string | number | undefined | null>;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const field = useLiveField(meta);
  const { key, ...selectProps } = getSelectProps(field);
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      <select key={key} {...selectProps} className={controlClass}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A hidden field that people leave empty; see honeypotField(). */
export function Honeypot() {
  const { t } = useTranslation();
  return (
    <div className="hidden" aria-hidden="true">
      <label htmlFor="website-field">{t("forms.honeypot")}</label>
      <input id="website-field" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

/** Errors about the form as a whole; `values` fills placeholders such as {{minutes}}. */
export function FormErrors({ id, errors, values }: { id: string; errors: string[] | undefined; values?: Record<string, string | number> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
      {errors.map((error) => (
        <p key={error}>{t(error, values)}</p>
      ))}
    </div>
  );
}

/**
 * The button Enter in a field presses: the first submit button of a form is its default, so a form
 * whose add/remove buttons come before its primary button starts with this one, hidden, which sends
 * the form as the primary button does (without JavaScript too).
 */
export function DefaultSubmitButton() {
  return <button type="submit" hidden tabIndex={-1} />;
}

/**
 * How the error summary names a field, its place in the form (the summary follows the form's order)
 * and where its link goes (the field itself unless told).
 */
export type SummaryField = { label: string; position: number; targetId?: string };

/** The summary's names for fields listed in the form's order as [name, label]. */
export function fieldsInOrder(entries: readonly (readonly [string, string])[]): (name: string) => SummaryField | undefined {
  return (name) => {
    const position = entries.findIndex(([candidate]) => candidate === name);
    const entry = entries[position];
    return entry === undefined ? undefined : { label: entry[1], position };
  };
}

/**
 * Above a long form: the errors of the whole form, and a link to each field that needs attention,
 * named by its label (the field says what is wrong next to itself). Conform focuses the first invalid
 * field; the summary is an alert, so the number of fields to fix is heard too.
 */
export function ErrorSummary({ formId, fields }: { formId: string; fields: (name: string) => SummaryField | undefined }) {
  const { t } = useTranslation();
  const form = useFormMetadata(formId);
  const formErrors = form.errors ?? [];
  // Errors of a list's items (media[1].serial) are named by the item's field; errors of the list
  // itself (too many media) by the list.
  const invalid = Object.entries(form.allErrors)
    .filter(([name, errors]) => name !== "" && errors.length > 0)
    .map(([name]) => ({ name, field: fields(name) }))
    .filter((entry): entry is { name: string; field: SummaryField } => entry.field !== undefined)
    .sort((a, b) => a.field.position - b.field.position);
  if (formErrors.length === 0 && invalid.length === 0) return null;
  return (
    <div id={form.errorId} role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
      {formErrors.map((error) => (
        <p key={error}>{t(error)}</p>
      ))}
      {invalid.length > 0 ? (
        <>
          <p>{t("forms.errorSummary", { count: invalid.length })}</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {invalid.map(({ name, field }) => (
              <li key={name}>
                <InPageLink targetId={field.targetId ?? `${formId}-${name}`} className="inline-block py-0.5 text-red-900 underline">
                  {field.label}
                </InPageLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * Whether the navigation in flight was sent by `form`: the same action path, and every hidden field
 * (the `intent`, a record's id) with the value the form holds. Several forms on one page post to the
 * same action; their hidden fields tell them apart.
 */
export function isSubmittedBy(form: HTMLFormElement, navigation: { formAction?: string; formData?: FormData }, location: Location): boolean {
  const { formData, formAction } = navigation;
  if (!formData || formAction === undefined) return false;
  // getAttribute: `form.action` would be an input named "action", if the form had one.
  const ownAction = new URL(form.getAttribute("action") ?? location.pathname, location.origin);
  if (ownAction.pathname !== new URL(formAction, location.origin).pathname) return false;
  const hiddenFields = Array.from(form.elements).filter(
    (element): element is HTMLInputElement => element instanceof HTMLInputElement && element.type === "hidden" && element.name !== "",
  );
  return hiddenFields.every((field) => formData.getAll(field.name).includes(field.value));
}

/**
 * A submit button that, while its own form is in flight, says so ("Working…") and refuses a second
 * submission (a double click would otherwise come back as a conflict). It stays focusable
 * (aria-disabled, not disabled) so keyboard users keep their place. Without JavaScript it is a plain
 * submit button.
 */
export function SubmitButton({
  children,
  name,
  value,
  variant = "primary",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const button = useRef<HTMLButtonElement>(null);
  const form = button.current?.form ?? null;
  const formPending = navigation.state !== "idle" && form !== null && isSubmittedBy(form, navigation, window.location);
  // Of several buttons in one form (approve / reject), only the one pressed says "Working…".
  const pressed = formPending && (name === undefined || navigation.formData?.get(name) === value);
  const pendingRef = useRef(formPending);
  pendingRef.current = formPending;

  useEffect(() => {
    const ownForm = button.current?.form;
    if (!ownForm) return;
    // Also stops the Enter key in a field from sending the form again; runs before Remix's handler.
    const refuseWhilePending = (event: SubmitEvent) => {
      if (!pendingRef.current) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    ownForm.addEventListener("submit", refuseWhilePending);
    return () => ownForm.removeEventListener("submit", refuseWhilePending);
  }, []);

  return (
    <button
      ref={button}
      type="submit"
      name={name}
      value={value}
      aria-disabled={formPending ? true : undefined}
      onClick={(event) => {
        if (pendingRef.current) event.preventDefault();
      }}
      className={buttonClass(variant)}
    >
      {pressed ? t("forms.working") : children}
    </button>
  );
}

export function buttonClass(variant: "primary" | "secondary" | "danger" = "primary"): string {
  const base = `${buttonLinkClass} inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold no-underline focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:ring-emerald-700 disabled:opacity-60 aria-disabled:cursor-wait aria-disabled:opacity-60`;
  const variants = {
    primary: "bg-emerald-800 text-white hover:bg-emerald-900 hover:text-white",
    secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 hover:text-slate-900",
    danger: "bg-red-700 text-white hover:bg-red-800",
  };
  return `${base} ${variants[variant]}`;
}

export function CheckboxField({ meta, label }: { meta: FieldMetadata<string | boolean | undefined | null>; label: string }) {
  const field = useLiveField(meta);
  const { key, ...inputProps } = getInputProps(field, { type: "checkbox" });
  return (
    <div>
      <div className="flex items-start gap-2">
        <input key={key} {...inputProps} className="mt-1 h-4 w-4 rounded border-slate-400 text-emerald-800 focus:ring-emerald-700" />
        <label htmlFor={field.id} className="text-sm text-slate-900">
          {label}
        </label>
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
