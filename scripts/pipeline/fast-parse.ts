// Entry validation without zod's per-value overhead. Ingest validates every entry against
// src/lib/schema.ts before writing it; zod's parse of one report's entry (hundreds of mentions)
// costs ~0.6 ms, a fifth of the whole analysis. `compileParser` reads the same zod schema once
// and generates plain JavaScript checks for the types the schema uses (object, string with regex,
// number with int/min/max, boolean, enum, nullable, optional, array, tuple): one function per
// schema node, each object built by one literal in the schema's key order, so every copy of a
// mention has the same shape (~25 µs a report; checking functions composed as closures, which
// wrote keys one by one, took ~160 µs). They return what zod returns for a valid value (a copy
// with the schema's keys in the schema's order); for an invalid value, or any type or check they
// do not know, zod itself runs, so its errors and its verdict are always the ones given. The
// schema stays the single source of truth.
import type { z, ZodTypeAny } from "astro/zod";

const FAIL = Symbol("invalid");

interface Def {
  typeName?: string;
  coerce?: boolean;
  checks?: { kind: string; regex?: RegExp; value?: number; inclusive?: boolean }[];
  values?: readonly string[];
  innerType?: ZodTypeAny;
  type?: ZodTypeAny;
  minLength?: unknown;
  maxLength?: unknown;
  exactLength?: unknown;
  items?: ZodTypeAny[];
  rest?: ZodTypeAny | null;
  shape?: () => Record<string, ZodTypeAny>;
  unknownKeys?: string;
  catchall?: ZodTypeAny;
}

/** A parse function equal to `schema.parse`, fast on valid values. */
export function compileParser<T extends ZodTypeAny>(schema: T): (x: unknown) => z.output<T> {
  const env: unknown[] = [];
  const code: string[] = [];
  const names = new Map<ZodTypeAny, string>();
  /** A constant of the generated code. */
  const constant = (v: unknown) => `env[${env.push(v) - 1}]`;
  // One generated function per schema node: the parsed value, or FAIL.
  const fn = (s: ZodTypeAny): string => {
    let name = names.get(s);
    if (name) return name;
    name = `p${names.size}`;
    names.set(s, name);
    code.push(`function ${name}(x) {\n${body(s)}\n}`);
    return name;
  };
  const viaZod = (s: ZodTypeAny) => `const r = ${constant(s)}.safeParse(x); return r.success ? r.data : FAIL;`;
  const body = (s: ZodTypeAny): string => {
    const def = s._def as Def;
    switch (def.typeName) {
      case "ZodString": {
        if (def.coerce || def.checks!.some((c) => c.kind !== "regex")) return viaZod(s);
        const tests = def.checks!.map((c) => {
          const re = constant(c.regex);
          return `${re}.lastIndex = 0; if (!${re}.test(x)) return FAIL;`;
        });
        return `if (typeof x !== "string") return FAIL;\n${tests.join("\n")}\nreturn x;`;
      }
      case "ZodNumber": {
        if (def.coerce || def.checks!.some((c) => c.kind !== "int" && c.kind !== "min" && c.kind !== "max")) return viaZod(s);
        const tests = def.checks!.map((c) => {
          if (c.kind === "int") return "if (!Number.isInteger(x)) return FAIL;";
          const v = constant(c.value);
          if (c.kind === "min") return c.inclusive ? `if (x < ${v}) return FAIL;` : `if (x <= ${v}) return FAIL;`;
          return c.inclusive ? `if (x > ${v}) return FAIL;` : `if (x >= ${v}) return FAIL;`;
        });
        return `if (typeof x !== "number" || x !== x) return FAIL;\n${tests.join("\n")}\nreturn x;`;
      }
      case "ZodBoolean":
        return def.coerce ? viaZod(s) : `return x === true || x === false ? x : FAIL;`;
      case "ZodEnum":
        return `return typeof x === "string" && ${constant(new Set(def.values))}.has(x) ? x : FAIL;`;
      case "ZodNullable":
        return `return x === null ? null : ${fn(def.innerType!)}(x);`;
      case "ZodOptional":
        return `return x === undefined ? undefined : ${fn(def.innerType!)}(x);`;
      case "ZodArray": {
        if (def.minLength || def.maxLength || def.exactLength) return viaZod(s);
        const item = fn(def.type!);
        return [
          `if (!Array.isArray(x)) return FAIL;`,
          `const out = new Array(x.length);`,
          `for (let i = 0; i < x.length; i++) {`,
          `  const v = ${item}(x[i]);`,
          `  if (v === FAIL) return FAIL;`,
          `  out[i] = v;`,
          `}`,
          `return out;`,
        ].join("\n");
      }
      case "ZodTuple": {
        if (def.rest) return viaZod(s);
        const items = def.items!.map(fn);
        const lines = items.map((f, i) => `const v${i} = ${f}(x[${i}]); if (v${i} === FAIL) return FAIL;`);
        return [`if (!Array.isArray(x) || x.length !== ${items.length}) return FAIL;`, ...lines, `return [${items.map((_, i) => `v${i}`).join(", ")}];`].join("\n");
      }
      case "ZodObject": {
        // Plain objects only (zod treats Map, Set, Date and promises as other types).
        if (def.unknownKeys !== "strip" || (def.catchall?._def as Def | undefined)?.typeName !== "ZodNever") return viaZod(s);
        const shape = def.shape!();
        const keys = Object.keys(shape);
        if (keys.includes("__proto__")) return viaZod(s);
        const lines: string[] = [];
        // Keys up to the first that may parse to undefined go into one literal; the rest are
        // added in order, each only when present (as zod: absent and undefined stays absent).
        let literal = true;
        const inLiteral: string[] = [];
        keys.forEach((k, i) => {
          const key = JSON.stringify(k);
          lines.push(`const v${i} = ${fn(shape[k]!)}(x[${key}]); if (v${i} === FAIL) return FAIL;`);
          if (literal && !mayBeUndefined(shape[k]!)) inLiteral.push(`${key}: v${i}`);
          else literal = false;
        });
        const rest = keys.slice(inLiteral.length).map((k, j) => {
          const i = inLiteral.length + j;
          const key = JSON.stringify(k);
          return mayBeUndefined(shape[k]!) ? `if (v${i} !== undefined || ${key} in x) out[${key}] = v${i};` : `out[${key}] = v${i};`;
        });
        return [
          `if (typeof x !== "object" || x === null) return FAIL;`,
          `const p = Object.getPrototypeOf(x);`,
          `if (p !== Object.prototype && p !== null) return FAIL;`,
          `if (typeof x.then === "function" && typeof x.catch === "function") return FAIL;`,
          ...lines,
          `const out = {${inLiteral.join(", ")}};`,
          ...rest,
          `return out;`,
        ].join("\n");
      }
      default:
        return viaZod(s);
    }
  };
  const root = fn(schema);
  const check = new Function("FAIL", "env", `"use strict";\n${code.join("\n")}\nreturn ${root};`)(FAIL, env) as (x: unknown) => unknown;
  return (x) => {
    const out = check(x);
    return out === FAIL ? schema.parse(x) : (out as z.output<T>);
  };
}

/** Whether a value of this schema may parse to undefined (and so be left out of an object). */
function mayBeUndefined(s: ZodTypeAny): boolean {
  const def = s._def as Def;
  switch (def.typeName) {
    case "ZodString":
    case "ZodNumber":
    case "ZodBoolean":
    case "ZodEnum":
    case "ZodArray":
    case "ZodTuple":
    case "ZodObject":
      return false;
    case "ZodNullable":
      return mayBeUndefined(def.innerType!);
    default:
      return true;
  }
}
