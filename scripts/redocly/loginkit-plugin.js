// Redocly plugin for loginkit specs (ESM; loaded by ../../redocly.yaml).
//
// Rules (all run on the document root; see specs/README.md):
//   loginkit/x-loginkit-shape       root `x-loginkit` matches scripts/src/x-loginkit/x-loginkit.schema.json
//                                   and every name in it resolves inside the spec.
//   loginkit/no-unused-components   like the built-in no-unused-components, but a parameter named by
//                                   `x-loginkit.inputs` counts as used (the client sends it on the
//                                   provider's other calls), and unused security schemes are reported too.
//   loginkit/assumed-marked         every node with `x-assumed` has a description containing "Assumed:",
//                                   and every description containing "Assumed:" sits on a node with `x-assumed`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv"); // resolved from scripts/node_modules
const schemaUrl = new URL("../src/x-loginkit/x-loginkit.schema.json", import.meta.url);
const xLoginkitSchema = JSON.parse(readFileSync(schemaUrl, "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(xLoginkitSchema);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const EXPRESSION = /^\$response\.body#((?:\/[^/]*)*)$/;

const unescapePointerToken = (s) => s.replace(/~1/g, "/").replace(/~0/g, "~");
const pointerSegments = (p) => (p === "" ? [] : p.slice(1).split("/").map(unescapePointerToken));
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** Follows local `$ref`s ("#/..."); returns undefined when one does not resolve. */
function deref(doc, node, seen = new Set()) {
  while (isObject(node) && typeof node.$ref === "string") {
    if (!node.$ref.startsWith("#") || seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    let target = doc;
    for (const seg of pointerSegments(node.$ref.slice(1))) {
      target = target?.[seg];
    }
    node = target;
  }
  return node;
}

/** Every operation of the document: { operationId, path, method, operation, pathItem }. */
function collectOperations(doc) {
  const out = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = deref(doc, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation))
        out.push({ operationId: operation.operationId, path, method, operation, pathItem });
    }
  }
  return out;
}

/** Schema of the first JSON body of `status` (or of the first 2xx when status is '2xx'). */
function responseSchema(doc, operation, status) {
  const responses = operation?.responses ?? {};
  const key =
    status === "2xx" ? Object.keys(responses).find((k) => /^2\d\d$/.test(k)) : String(status);
  const response = deref(doc, responses[key]);
  const content = response?.content ?? {};
  const mediaType = Object.keys(content).find((m) => /json/i.test(m)) ?? Object.keys(content)[0];
  return mediaType ? deref(doc, content[mediaType].schema) : undefined;
}

function requestSchema(doc, operation) {
  const body = deref(doc, operation?.requestBody);
  const content = body?.content ?? {};
  const mediaType = Object.keys(content).find((m) => /json/i.test(m)) ?? Object.keys(content)[0];
  return mediaType ? deref(doc, content[mediaType].schema) : undefined;
}

/** Does the JSON pointer `segments` name a property the schema declares? Follows allOf/oneOf/anyOf/items. */
function schemaHasPointer(doc, schema, segments, depth = 0) {
  schema = deref(doc, schema);
  if (!isObject(schema) || depth > 64) return false;
  if (segments.length === 0) return true;
  const [head, ...rest] = segments;
  if (isObject(schema.properties) && head in schema.properties) {
    if (schemaHasPointer(doc, schema.properties[head], rest, depth + 1)) return true;
  }
  if (/^\d+$/.test(head) && schema.items && schemaHasPointer(doc, schema.items, rest, depth + 1))
    return true;
  for (const k of ["allOf", "oneOf", "anyOf"]) {
    for (const sub of schema[k] ?? []) {
      if (schemaHasPointer(doc, sub, segments, depth + 1)) return true;
    }
  }
  return false;
}

/** Every parameter the document declares (operations, path items, components.parameters). */
function collectParameters(doc, operations) {
  const params = [];
  const add = (list) => {
    for (const raw of list ?? []) {
      const p = deref(doc, raw);
      if (isObject(p)) params.push(p);
    }
  };
  const seenItems = new Set();
  for (const { operation, pathItem } of operations) {
    add(operation.parameters);
    if (!seenItems.has(pathItem)) {
      seenItems.add(pathItem);
      add(pathItem.parameters);
    }
  }
  add(Object.values(doc.components?.parameters ?? {}));
  return params;
}

const sameName = (a, b, where) =>
  where === "header" ? a.toLowerCase() === b.toLowerCase() : a === b;

function XLoginkitShape() {
  return {
    Root: {
      leave(doc, ctx) {
        const base = ctx.location.child(["x-loginkit"]);
        const at = (...segs) => base.child(segs);
        const x = doc["x-loginkit"];
        if (x === undefined) {
          ctx.report({
            message: "The document root must have an `x-loginkit` object (see specs/README.md).",
            location: ctx.location.child(["openapi"]).key(),
          });
          return;
        }
        if (!validate(x)) {
          for (const err of validate.errors) {
            const segs = pointerSegments(err.instancePath).map((s) =>
              /^\d+$/.test(s) ? Number(s) : s,
            );
            let location = at(...segs);
            let message = `x-loginkit${err.instancePath || ""} ${err.message}`;
            if (err.keyword === "additionalProperties") {
              location = at(...segs, err.params.additionalProperty).key();
              message = `x-loginkit${err.instancePath} has unknown property \`${err.params.additionalProperty}\``;
            } else if (err.keyword === "enum") {
              message += `: ${err.params.allowedValues.join(", ")}`;
            }
            ctx.report({ message, location });
          }
          return; // cross-reference checks assume the shape is right
        }

        const operations = collectOperations(doc);
        const byId = new Map(
          operations.filter((o) => o.operationId).map((o) => [o.operationId, o]),
        );
        const checkOperationId = (id, ...segs) => {
          if (!byId.has(id)) {
            ctx.report({
              message: `x-loginkit names operationId \`${id}\`, which no operation of this spec has.`,
              location: at(...segs),
            });
            return false;
          }
          return true;
        };

        for (const role of ["signIn", "refresh", "signOut", "session"]) {
          if (x[role]) checkOperationId(x[role].operationId, role, "operationId");
        }
        (x.replaySafe ?? []).forEach((id, i) => {
          checkOperationId(id, "replaySafe", i);
        });

        // token pointers resolve in the 200 answer of signIn (and of refresh, for the tokens it renews)
        const signIn = byId.get(x.signIn.operationId);
        const refresh = x.refresh && byId.get(x.refresh.operationId);
        const signInSchema = signIn && responseSchema(doc, signIn.operation, "2xx");
        if (signIn && !signInSchema) {
          ctx.report({
            message: `The sign-in operation \`${x.signIn.operationId}\` has no 2xx JSON response schema.`,
            location: at("signIn", "operationId"),
          });
        }
        const refreshSchema = refresh && responseSchema(doc, refresh.operation, "2xx");
        if (refresh && !refreshSchema) {
          ctx.report({
            message: `The refresh operation \`${x.refresh.operationId}\` has no 2xx JSON response schema.`,
            location: at("refresh", "operationId"),
          });
        }
        const checkExpression = (expr, schema, opId, ...segs) => {
          const match = EXPRESSION.exec(expr);
          if (schema && match && !schemaHasPointer(doc, schema, pointerSegments(match[1]))) {
            ctx.report({
              message: `\`${expr}\` does not resolve in the 2xx response schema of \`${opId}\`.`,
              location: at(...segs),
            });
          }
        };
        for (const [name, expr] of Object.entries(x.token)) {
          checkExpression(expr, signInSchema, x.signIn.operationId, "token", name);
          // a refresh answer must carry the new access token (a new refresh token is optional)
          if (name === "accessToken" && refresh)
            checkExpression(expr, refreshSchema, x.refresh.operationId, "token", name);
        }

        // refresh.body: keys are properties of the refresh request body; values name session fields
        if (refresh && x.refresh.body) {
          const bodySchema = requestSchema(doc, refresh.operation);
          for (const [key, value] of Object.entries(x.refresh.body)) {
            if (!schemaHasPointer(doc, bodySchema, [key])) {
              ctx.report({
                message: `refresh.body.${key} is not a property of the request body of \`${x.refresh.operationId}\`.`,
                location: at("refresh", "body", key).key(),
              });
            }
            const m = /^\$session\.([A-Za-z]+)$/.exec(value);
            if (!m) {
              ctx.report({
                message: `refresh.body.${key} must be a runtime expression \`$session.<token field>\`.`,
                location: at("refresh", "body", key),
              });
            } else if (!(m[1] in x.token)) {
              ctx.report({
                message: `\`${value}\`: x-loginkit.token has no \`${m[1]}\`.`,
                location: at("refresh", "body", key),
              });
            }
          }
        }

        // error matchers: operations exist; a pointer resolves in a response of that status
        for (const kind of ["tokenExpired", "badCredentials"]) {
          x.errors[kind].forEach((matcher, i) => {
            const ids = matcher.operations ?? [];
            ids.forEach((id, j) => {
              checkOperationId(id, "errors", kind, i, "operations", j);
            });
            const scope = ids.length ? ids.map((id) => byId.get(id)).filter(Boolean) : operations;
            const withStatus = scope.filter((o) => o.operation.responses?.[String(matcher.status)]);
            if (withStatus.length === 0) {
              ctx.report({
                message: `No ${ids.length ? "named " : ""}operation documents a ${matcher.status} response.`,
                location: at("errors", kind, i, "status"),
              });
              return;
            }
            if (matcher.pointer) {
              const segs = pointerSegments(matcher.pointer);
              const ok = withStatus.some((o) =>
                schemaHasPointer(doc, responseSchema(doc, o.operation, matcher.status), segs),
              );
              if (!ok) {
                ctx.report({
                  message: `Pointer \`${matcher.pointer}\` resolves in no ${matcher.status} response schema.`,
                  location: at("errors", kind, i, "pointer"),
                });
              }
            }
          });
        }

        // securityScheme exists
        if (!doc.components?.securitySchemes?.[x.securityScheme]) {
          ctx.report({
            message: `components.securitySchemes has no \`${x.securityScheme}\`.`,
            location: at("securityScheme"),
          });
        }

        // inputs name declared parameters; required agrees; defaults resolve in the sign-in answer
        const params = collectParameters(doc, operations);
        const options = new Set();
        (x.inputs ?? []).forEach((input, i) => {
          if (options.has(input.option)) {
            ctx.report({
              message: `Duplicate input option \`${input.option}\`.`,
              location: at("inputs", i, "option"),
            });
          }
          options.add(input.option);
          const matches = params.filter(
            (p) =>
              p.in === input.in &&
              typeof p.name === "string" &&
              sameName(p.name, input.name, input.in),
          );
          if (matches.length === 0) {
            ctx.report({
              message: `No ${input.in} parameter named \`${input.name}\` is declared (operations, path items or components.parameters).`,
              location: at("inputs", i, "name"),
            });
          } else if (matches.some((p) => Boolean(p.required) !== input.required)) {
            ctx.report({
              message: `inputs[${i}].required is ${input.required}, but the parameter \`${input.name}\` is declared with required: ${!input.required}.`,
              location: at("inputs", i, "required"),
            });
          }
          if (input.in === "path" && !input.required) {
            ctx.report({
              message: "A path input must be required.",
              location: at("inputs", i, "required"),
            });
          }
          if (input.default)
            checkExpression(
              input.default,
              signInSchema,
              x.signIn.operationId,
              "inputs",
              i,
              "default",
            );
        });
      },
    },
  };
}

function NoUnusedComponents() {
  return {
    Root: {
      leave(doc, ctx) {
        const used = new Set();
        const walk = (node) => {
          if (Array.isArray(node)) node.forEach(walk);
          else if (isObject(node)) {
            if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/")) {
              used.add(pointerSegments(node.$ref.slice(1)).slice(1, 3).join("/"));
            }
            Object.values(node).forEach(walk);
          }
        };
        walk(doc);
        const requirements = [...(doc.security ?? [])];
        for (const { operation } of collectOperations(doc))
          requirements.push(...(operation.security ?? []));
        for (const req of requirements)
          for (const name of Object.keys(req ?? {})) used.add(`securitySchemes/${name}`);
        const x = isObject(doc["x-loginkit"]) ? doc["x-loginkit"] : {};
        if (typeof x.securityScheme === "string") used.add(`securitySchemes/${x.securityScheme}`);
        for (const [name, p] of Object.entries(doc.components?.parameters ?? {})) {
          const param = deref(doc, p);
          if (
            (Array.isArray(x.inputs) ? x.inputs : []).some(
              (i) =>
                i?.in === param?.in &&
                typeof param?.name === "string" &&
                sameName(param.name, String(i.name), i.in),
            )
          ) {
            used.add(`parameters/${name}`);
          }
        }
        for (const [type, map] of Object.entries(doc.components ?? {})) {
          if (!isObject(map) || type.startsWith("x-")) continue;
          for (const name of Object.keys(map)) {
            if (!used.has(`${type}/${name}`)) {
              ctx.report({
                message: `Component \`components.${type}.${name}\` is never used.`,
                location: ctx.location.child(["components", type, name]).key(),
              });
            }
          }
        }
      },
    },
  };
}

function AssumedMarked() {
  return {
    Root: {
      leave(doc, ctx) {
        const walk = (node, path) => {
          if (Array.isArray(node)) {
            node.forEach((v, i) => {
              walk(v, [...path, i]);
            });
            return;
          }
          if (!isObject(node)) return;
          if (path[0] === "x-loginkit") return; // x-loginkit carries x-assumed without descriptions
          const hasMark = "x-assumed" in node;
          const description = typeof node.description === "string" ? node.description : undefined;
          if (
            hasMark &&
            (typeof node["x-assumed"] !== "string" || node["x-assumed"].trim() === "")
          ) {
            ctx.report({
              message: "`x-assumed` must be a non-empty string saying why.",
              location: ctx.location.child([...path, "x-assumed"]),
            });
          }
          if (hasMark && !description?.includes("Assumed:")) {
            ctx.report({
              message:
                'A node marked `x-assumed` needs a description with a sentence starting "Assumed:".',
              location: ctx.location.child([...path, "x-assumed"]).key(),
            });
          }
          if (!hasMark && description?.includes("Assumed:")) {
            ctx.report({
              message: 'This description says "Assumed:" but the node has no `x-assumed`.',
              location: ctx.location.child([...path, "description"]),
            });
          }
          for (const [k, v] of Object.entries(node)) {
            if (k === "example" || (k === "value" && path.includes("examples"))) {
              continue; // example payloads are data, not spec nodes
            }
            walk(v, [...path, k]);
          }
        };
        walk(doc, []);
      },
    },
  };
}

export default function loginkitPlugin() {
  return {
    id: "loginkit",
    rules: {
      oas3: {
        "x-loginkit-shape": XLoginkitShape,
        "no-unused-components": NoUnusedComponents,
        "assumed-marked": AssumedMarked,
      },
    },
  };
}
