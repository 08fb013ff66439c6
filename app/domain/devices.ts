// The kinds of things Circuit registers: device types and storage media kinds.

export const deviceTypes = ["laptop", "desktop", "tablet", "monitor", "phone", "other"] as const;
export type DeviceType = (typeof deviceTypes)[number];

export const mediumKinds = ["HDD", "SSD", "NVMe", "eMMC"] as const;
export type MediumKind = (typeof mediumKinds)[number];

/** The keyboard layouts Circuit offers (a request may ask for one, or accept any). */
export const keyboardLayouts = ["AZERTY-BE", "AZERTY-FR", "QWERTY-US", "QWERTY-UK", "QWERTZ-DE", "QWERTY-NL"] as const;
export type KeyboardLayout = (typeof keyboardLayouts)[number];
