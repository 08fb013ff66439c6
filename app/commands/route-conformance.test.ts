// Routes stay thin: every route that changes something calls a command, and no function in a route
// module calls more than one (a page with several forms dispatches each intent to its own handler).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const routesFolder = path.resolve("app/routes");

/**
 * Actions that change nothing in the domain: sign-in and sign-out manage the session (app/auth), the
 * API's catch-all answers 404 to any method, and running the matching engine only proposes.
 */
const actionsWithoutCommand = new Set(["login.tsx", "logout.tsx", "api.v1.$.ts", "api.v1.matching.run.ts"]);

type RouteModule = { file: string; source: ts.SourceFile; commandNames: Set<string> };

function readRoute(file: string): RouteModule {
  const text = readFileSync(path.join(routesFolder, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const commandNames = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!statement.moduleSpecifier.text.startsWith("~/commands/")) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly && !statement.importClause?.isTypeOnly) commandNames.add(element.name.text);
    }
  }
  return { file, source, commandNames };
}

/** The command calls made directly in each function's own body (not in functions nested in it). */
function commandCallsPerFunction(route: RouteModule): { name: string; calls: string[] }[] {
  const result: { name: string; calls: string[] }[] = [];
  const visitFunction = (node: ts.SignatureDeclaration & { body?: ts.Node }, name: string) => {
    const calls: string[] = [];
    const walk = (child: ts.Node) => {
      if (ts.isFunctionLike(child) && child !== node) {
        visitFunction(child as ts.SignatureDeclaration & { body?: ts.Node }, functionName(child));
        return;
      }
      if (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && route.commandNames.has(child.expression.text)) calls.push(child.expression.text);
      ts.forEachChild(child, walk);
    };
    if (node.body) ts.forEachChild(node.body, walk);
    result.push({ name, calls });
  };
  const functionName = (node: ts.Node): string => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
    if (ts.isVariableDeclaration(node.parent)) return node.parent.name.getText();
    if (ts.isPropertyAssignment(node.parent)) return node.parent.name.getText();
    return `anonymous@${node.getStart()}`;
  };
  const walkTop = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) {
      visitFunction(node as ts.SignatureDeclaration & { body?: ts.Node }, functionName(node));
      return;
    }
    ts.forEachChild(node, walkTop);
  };
  walkTop(route.source);
  return result;
}

/** An exported `action` that does more than answer "method not allowed" changes something. */
function hasMutatingAction(route: RouteModule): boolean {
  let mutating = false;
  const visit = (node: ts.Node) => {
    const isActionFunction = ts.isFunctionDeclaration(node) && node.name?.text === "action";
    const isActionConst = ts.isVariableDeclaration(node) && node.name.getText() === "action";
    if (isActionFunction || isActionConst) {
      const body = node.getText();
      mutating = !/^[^{]*\{\s*return methodNotAllowed\([^)]*\);?\s*\}\s*$/s.test(body.slice(body.indexOf(")") + 1).trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(route.source);
  return mutating;
}

const routes = readdirSync(routesFolder)
  .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test.") && !file.endsWith(".server.ts"))
  .map(readRoute);

describe("route modules", () => {
  test.each(routes.filter((route) => hasMutatingAction(route) && !actionsWithoutCommand.has(route.file)).map((route) => [route.file, route] as const))(
    "%s changes things only through commands",
    (_file, route) => {
      expect(route.commandNames.size, `${route.file} has an action but imports no command`).toBeGreaterThan(0);
    },
  );

  test.each(routes.map((route) => [route.file, route] as const))("%s calls at most one command per function", (_file, route) => {
    const crowded = commandCallsPerFunction(route).filter((entry) => entry.calls.length > 1);
    expect(crowded).toEqual([]);
  });
});
