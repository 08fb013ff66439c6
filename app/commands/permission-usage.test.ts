// Every permission in the table decides something: a lifecycle transition names it, or a command, a
// route or the scope helper asks for it. A permission nobody asks for is a rule that is written down
// and enforced nowhere (or a typo in the place that should ask for it).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { transitions } from "~/domain/lifecycle";
import { permissionActions, type PermissionAction } from "~/domain/permissions";

/**
 * Permissions of features not built yet (DESIGN.md): none now. `home.view` only shows the
 * home link: every approved member has it and the home page decides what to show by the other
 * permissions. Each must still be unused, so that this list shrinks when the feature arrives.
 */
const notAskedForYet: readonly PermissionAction[] = ["home.view"];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** Where access is decided: commands, routes (page and API), the scope helper and the guards. */
const deciders = [...sourceFiles("app/commands"), ...sourceFiles("app/routes"), "app/domain/scope.ts", "app/auth/guards.server.ts"].map((file) => ({
  file,
  text: readFileSync(file, "utf8"),
}));

function whereAskedFor(action: PermissionAction): string[] {
  const places = deciders.filter(({ text }) => text.includes(`"${action}"`)).map(({ file }) => file);
  if (transitions.some((transition) => transition.permissions.includes(action))) places.push("app/domain/lifecycle.ts (transitions)");
  return places;
}

describe("every permission is asked for somewhere", () => {
  test("no permission of the table is left unasked", () => {
    const unasked = permissionActions.filter((action) => !notAskedForYet.includes(action) && whereAskedFor(action).length === 0);
    expect(unasked).toEqual([]);
  });

  test("the permissions of features not built yet are still unused (remove them from the list when they are)", () => {
    for (const action of notAskedForYet) expect(whereAskedFor(action), action).toEqual([]);
  });
});
