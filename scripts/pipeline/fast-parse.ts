// Entry validation without zod's per-value overhead. Ingest validates every entry against
// src/lib/schema.ts before writing it; zod's parse of one report's entry (hundreds of mentions)
// costs ~0.6 ms, a fifth of the whole analysis. `compileParser` reads the same zod schema once
// and builds plain checking functions for the types the schema uses (object, string with regex,
// number with int/min/max, boolean, enum, nullable, optional, array, tuple). They return what
// zod returns for a valid value (a copy with the schema's keys in the schema's order); for an
// invalid value, or any type or check they do not know, zod itself runs, so its errors and its
// verdict are always the ones given. The schema stays the single source of truth.
import type { z, ZodTypeAny } from "astro/zod";

const FAIL = Symbol("invalid");
type Check = (x: unknown) => unknown;

/** A parse function equal to `schema.parse`, fast on valid values. */
export function compileParser<T extends ZodTypeAny>(schema: T): (x: unknown) => z.output<T> {
  const check = build(schema);
  return (x) => {
    const out = check(x);
    return out === FAIL ? schema.parse(x) : (out as z.output<T>);
  };
}

/** A sub-schema we do not compile: zod decides. */
function viaZod(schema: ZodTypeAny): Check {
  return (x) => {
    const r = schema.safeParse(x);
    return r.success ? r.data : FAIL;
  };
}

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

function build(schema: ZodTypeAny): Check {
  const def = schema._def as Def;
  switch (def.typeName) {
    case "ZodString": {
      if (def.coerce || def.checks!.some((c) => c.kind !== "regex")) return viaZod(schema);
      const regexes = def.checks!.map((c) => c.regex!);
      return (x) => {
        if (typeof x !== "string") return FAIL;
        for (const re of regexes) {
          re.lastIndex = 0;
          if (!re.test(x)) return FAIL;
        }
        return x;
      };
    }
    case "ZodNumber": {
      if (def.coerce || def.checks!.some((c) => c.kind !== "int" && c.kind !== "min" && c.kind !== "max")) return viaZod(schema);
      const checks = def.checks!;
      return (x) => {
        if (typeof x !== "number" || Number.isNaN(x)) return FAIL;
        for (const c of checks) {
          if (c.kind === "int" ? !Number.isInteger(x) : c.kind === "min" ? (c.inclusive ? x < c.value! : x <= c.value!) : c.inclusive ? x > c.value! : x >= c.value!) return FAIL;
        }
        return x;
      };
    }
    case "ZodBoolean":
      return def.coerce ? viaZod(schema) : (x) => (typeof x === "boolean" ? x : FAIL);
    case "ZodEnum": {
      const values = new Set<unknown>(def.values);
      return (x) => (typeof x === "string" && values.has(x) ? x : FAIL);
    }
    case "ZodNullable": {
      const inner = build(def.innerType!);
      return (x) => (x === null ? null : inner(x));
    }
    case "ZodOptional": {
      const inner = build(def.innerType!);
      return (x) => (x === undefined ? undefined : inner(x));
    }
    case "ZodArray": {
      if (def.minLength || def.maxLength || def.exactLength) return viaZod(schema);
      const item = build(def.type!);
      return (x) => {
        if (!Array.isArray(x)) return FAIL;
        const out = new Array<unknown>(x.length);
        for (let i = 0; i < x.length; i++) {
          const v = item(x[i]);
          if (v === FAIL) return FAIL;
          out[i] = v;
        }
        return out;
      };
    }
    case "ZodTuple": {
      if (def.rest) return viaZod(schema);
      const items = def.items!.map(build);
      return (x) => {
        if (!Array.isArray(x) || x.length !== items.length) return FAIL;
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) {
          const v = items[i]!(x[i]);
          if (v === FAIL) return FAIL;
          out[i] = v;
        }
        return out;
      };
    }
    case "ZodObject": {
      if (def.unknownKeys !== "strip" || (def.catchall?._def as Def | undefined)?.typeName !== "ZodNever") return viaZod(schema);
      const shape = def.shape!();
      const keys = Object.keys(shape);
      if (keys.includes("__proto__")) return viaZod(schema);
      const checks = keys.map((k) => build(shape[k]!));
      return (x) => {
        // Plain objects only (zod treats Map, Set, Date and promises as other types).
        if (typeof x !== "object" || x === null) return FAIL;
        const proto = Object.getPrototypeOf(x);
        if (proto !== Object.prototype && proto !== null) return FAIL;
        const src = x as Record<string, unknown>;
        if (typeof src.then === "function" && typeof src.catch === "function") return FAIL;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          const v = checks[i]!(src[k]);
          if (v === FAIL) return FAIL;
          // As zod: a key absent from the input stays absent when its value parses to undefined.
          if (v !== undefined || k in src) out[k] = v;
        }
        return out;
      };
    }
    default:
      return viaZod(schema);
  }
}
