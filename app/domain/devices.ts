// The kinds of things Circuit registers: device types and storage media kinds.

export const deviceTypes = ["laptop", "desktop", "tablet", "monitor", "phone", "other"] as const;
export type DeviceType = (typeof deviceTypes)[number];

/**
 * The types that hold data on storage of their own: one of these is certified only on its media's
 * wipes, or on a validated record that none is present. A monitor (or "other") is certified as it is.
 */
export const storageHoldingDeviceTypes = ["laptop", "desktop", "tablet", "phone"] as const satisfies readonly DeviceType[];

export function holdsStorage(type: DeviceType): boolean {
  return (storageHoldingDeviceTypes as readonly DeviceType[]).includes(type);
}

export const mediumKinds = ["HDD", "SSD", "NVMe", "eMMC"] as const;
export type MediumKind = (typeof mediumKinds)[number];

/** The keyboard layouts Circuit offers (a request may ask for one, or accept any). */
export const keyboardLayouts = ["AZERTY-BE", "AZERTY-FR", "QWERTY-US", "QWERTY-UK", "QWERTZ-DE", "QWERTY-NL"] as const;
export type KeyboardLayout = (typeof keyboardLayouts)[number];
