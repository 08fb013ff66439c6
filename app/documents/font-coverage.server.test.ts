// The table of printable characters the forms use is the one the embedded fonts give today.
import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, test } from "vitest";
import { unprintableCharacters } from "~/forms/fields";
import { printableCodePointRanges } from "~/forms/printable-code-points";
import { printableCodePoints, printableTablePath, printableTableSource, rangesText } from "./font-coverage.server";
import { pdfFontFiles } from "./pdf.server";

describe("app/forms/printable-code-points.ts", () => {
  test("is what `npm run fonts:table` writes from the fonts now (run it after changing the fonts or the rules)", async () => {
    expect(readFileSync(printableTablePath, "utf8")).toBe(await printableTableSource());
  });

  test("holds exactly the code points both embedded fonts have a glyph for, less those that do not print as typed", () => {
    const fonts = Object.values(pdfFontFiles).map((file) => fontkit.openSync(file) as fontkit.Font);
    const codePoints = printableCodePoints();
    expect(rangesText(codePoints).join(" ")).toBe(printableCodePointRanges);
    expect(codePoints.length).toBeGreaterThan(4000);
    for (const codePoint of codePoints) {
      for (const font of fonts) expect(font.glyphForCodePoint(codePoint).id, codePoint.toString(16)).not.toBe(0);
    }
    // What the forms answer agrees with the fonts, character by character.
    const sample = [..."şŞğıİçÇöüéèêëàâäåæœøłńśźżčřšžůőűŐŰ ΑΩαωάέήίόύώϊϋΐ АЯаяЁёЇїҐґЎўЖжЩщ ©®™€£¥§°±×÷–—‘’“”„…•№"];
    for (const character of sample) {
      expect(unprintableCharacters(character), character).toEqual([]);
      for (const font of fonts) expect(font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0), character).toBe(true);
    }
  });

  test("leaves out what the fonts lack and what would not print as typed", () => {
    // CJK and most emoji: no glyph. 😀: DejaVu has a plain outline, but emoji are expected in colour.
    // Hebrew and Arabic: glyphs, but pdfkit would print them left to right. Controls and invisible ones.
    for (const character of ["漢", "字", "😀", "🚀", "ש", "ب", "\u0000", "\u0007", "\u200b", "\u200f", "\u00ad", "\ue000", "\ufe0f"]) {
      expect(unprintableCharacters(character), JSON.stringify(character)).toEqual([character]);
    }
  });
});
