// A line drawing per device type, shown on a catalogue card until the sales issue adds photos.
// Decorative: the card's text says what the device is, so screen readers skip the drawing.
import type { ReactNode } from "react";
import type { DeviceType } from "~/domain/devices";

const drawings: Record<DeviceType, ReactNode> = {
  laptop: (
    <>
      <rect x="22" y="14" width="76" height="50" rx="4" />
      <rect x="29" y="21" width="62" height="36" rx="1" className="fill-emerald-50" />
      <path d="M10 70h100l-6 8H16z" />
      <path d="M52 74h16" />
    </>
  ),
  desktop: (
    <>
      <rect x="14" y="12" width="62" height="44" rx="3" />
      <rect x="20" y="18" width="50" height="32" rx="1" className="fill-emerald-50" />
      <path d="M40 56v10M50 56v10M32 70h26" />
      <rect x="84" y="12" width="24" height="62" rx="3" />
      <path d="M90 22h12M90 30h12" />
      <circle cx="96" cy="62" r="3" />
    </>
  ),
  tablet: (
    <>
      <rect x="34" y="8" width="52" height="70" rx="6" />
      <rect x="40" y="16" width="40" height="52" rx="1" className="fill-emerald-50" />
      <circle cx="60" cy="73" r="2" />
    </>
  ),
  monitor: (
    <>
      <rect x="14" y="10" width="92" height="54" rx="3" />
      <rect x="21" y="17" width="78" height="40" rx="1" className="fill-emerald-50" />
      <path d="M54 64l-4 10M66 64l4 10M42 76h36" />
    </>
  ),
  phone: (
    <>
      <rect x="44" y="6" width="32" height="72" rx="6" />
      <rect x="48" y="14" width="24" height="54" rx="1" className="fill-emerald-50" />
      <path d="M56 10h8" />
      <circle cx="60" cy="73" r="2" />
    </>
  ),
  other: (
    <>
      <rect x="26" y="18" width="68" height="50" rx="6" />
      <path d="M38 32h44M38 44h44M38 56h24" />
      <circle cx="80" cy="56" r="4" />
    </>
  ),
};

export function TypeIllustration({ type }: { type: DeviceType }) {
  return (
    <svg
      viewBox="0 0 120 84"
      aria-hidden="true"
      focusable="false"
      data-illustration={type}
      className="h-20 w-28 shrink-0 fill-none stroke-emerald-800 [stroke-linecap:round] [stroke-linejoin:round] [stroke-width:2.5]"
    >
      {drawings[type]}
    </svg>
  );
}
