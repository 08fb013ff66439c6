// `npm run fonts:table`: writes app/forms/printable-code-points.ts, the characters the embedded PDF
// fonts can print, after the fonts (the dejavu-fonts-ttf package) or the rules of what counts change.
import { writeFileSync } from "node:fs";
import { printableCodePoints, printableTableSource, printableTablePath } from "~/documents/font-coverage.server";

const codePoints = printableCodePoints();
writeFileSync(printableTablePath, await printableTableSource(codePoints));
console.log(`${printableTablePath}: ${codePoints.length} printable code points.`);
