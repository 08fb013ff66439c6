// Reading an uploaded inventory file as text: files come from Excel and Snipe-IT in UTF-8 (with or
// without a byte-order mark) or, from older Windows Excel, in Windows-1252.

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The file's text: UTF-8 when it has the byte-order mark or is valid UTF-8, Windows-1252 otherwise (é, ë, ç survive). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Node's decoder reads "windows-1252" as Latin-1, so 0x80–0x9F (€, ‘, ’, “, ”…) are mapped here.
    return new TextDecoder("windows-1252")
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (character) => WINDOWS_1252_C1[character.charCodeAt(0) - 0x80] ?? character);
  }
}

/** What Windows-1252 puts at 0x80–0x9F, where Latin-1 has control characters (the five unassigned ones stay as they are). */
const WINDOWS_1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
