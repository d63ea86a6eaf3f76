/**
 * The zod schema behind `defineNimbusConfig`. Objects are strict so a typo (`runtime:` for
 * `runtimes:`) is reported instead of silently ignored; defaults are filled in so consumers
 * (the SDK, the router) read one fully resolved shape.
 */
import { z } from 'zod'
import { RUNTIME_NAMES, type RuntimeName } from './runtimes.js'

/** Sandbox profile names appear in URLs and DO names, so they share the id alphabet. */
export const PROFILE_NAME_RE = /^[A-Za-z0-9._-]{1,64}$/
/** Tool namespaces prefix tool names (`sandbox_exec`); model APIs accept only this alphabet. */
export const TOOL_NAMESPACE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/
export const TOOL_KINDS = ['sandbox'] as const
export type ToolKind = (typeof TOOL_KINDS)[number]
export const DEFAULT_ROOT = '/home/user'

export interface NimbusToolsConfig {
  namespace: string
  kind: ToolKind
}
export interface NimbusRuntimesConfig {
  /** Installed by `box.ready()` on first use. */
  preinstall: RuntimeName[]
  /** When false, only `preinstall` runtimes may ever be installed. */
  onDemand: boolean
  /** Runtimes this profile may use at all. */
  allow: RuntimeName[]
}
export interface NimbusSandboxProfile {
  /** Absolute path confining every file and exec path of the sandbox. */
  root: string
  tools: NimbusToolsConfig
  runtimes: NimbusRuntimesConfig
}
/** A fully resolved config: what `defineNimbusConfig` returns. */
export interface NimbusConfig {
  /** Public origin of the deployment, without a trailing slash. */
  endpoint?: string
  sandboxes: Record<string, NimbusSandboxProfile>
}
/** What a person writes: every field but the profile map's keys is optional. */
export interface NimbusConfigInput {
  endpoint?: string
  sandboxes?: Record<
    string,
    {
      root?: string
      tools?: { namespace?: string; kind?: ToolKind }
      runtimes?: { preinstall?: RuntimeName[]; onDemand?: boolean; allow?: RuntimeName[] }
    }
  >
}

const runtimeName = z.enum(RUNTIME_NAMES, {
  error: (iss) => `unknown runtime ${JSON.stringify(iss.input)}; expected one of ${RUNTIME_NAMES.join(', ')}`,
})

const runtimeList = z.array(runtimeName, { error: 'expected an array of runtime names' })

function normalizeRoot(path: string): string {
  const collapsed = path.replace(/\/+/g, '/')
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed
}

const rootSchema = z
  .string({ error: 'expected an absolute path string' })
  .refine((p) => p.startsWith('/'), { error: 'must be an absolute path starting with "/"' })
  .refine((p) => !p.split('/').some((seg) => seg === '..' || seg === '.'), {
    error: 'must not contain "." or ".." segments',
  })
  .refine((p) => !p.includes('\0') && p.length <= 1024, { error: 'must not contain NUL and be at most 1024 characters' })
  .transform(normalizeRoot)

const toolsSchema = z.strictObject({
  namespace: z
    .string({ error: 'expected a string' })
    .regex(TOOL_NAMESPACE_RE, { error: 'must start with a letter and use only letters, digits, "_" or "-" (max 32)' })
    .default('sandbox'),
  kind: z.enum(TOOL_KINDS, { error: (iss) => `unknown tool kind ${JSON.stringify(iss.input)}; expected one of ${TOOL_KINDS.join(', ')}` }).default('sandbox'),
})

function pushDuplicates(list: readonly string[], key: string, ctx: z.RefinementCtx): void {
  list.forEach((name, i) => {
    if (list.indexOf(name) !== i) ctx.addIssue({ code: 'custom', path: [key, i], message: `duplicate runtime "${name}"` })
  })
}

const runtimesSchema = z
  .strictObject({
    preinstall: runtimeList.default([]),
    onDemand: z.boolean({ error: 'expected true or false' }).default(true),
    allow: runtimeList.default(() => [...RUNTIME_NAMES]),
  })
  .superRefine((value, ctx) => {
    pushDuplicates(value.preinstall, 'preinstall', ctx)
    pushDuplicates(value.allow, 'allow', ctx)
    value.preinstall.forEach((name, i) => {
      if (!value.allow.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['preinstall', i], message: `runtime "${name}" is preinstalled but not listed in runtimes.allow` })
      }
    })
  })

const profileSchema = z.strictObject(
  {
    root: rootSchema.default(DEFAULT_ROOT),
    tools: toolsSchema.prefault({}),
    runtimes: runtimesSchema.prefault({}),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? 'expected a sandbox profile object' : undefined) },
)

const endpointSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://my-nimbus.example.workers.dev' })
  .transform((u) => u.replace(/\/+$/, ''))

export const nimbusConfigSchema = z.strictObject(
  {
    endpoint: endpointSchema.optional(),
    sandboxes: z
      .record(
        z.string().regex(PROFILE_NAME_RE, { error: 'profile names use only letters, digits, ".", "_" or "-" (1-64)' }),
        profileSchema,
        { error: (iss) => (iss.code === 'invalid_type' ? 'expected an object mapping profile names to profiles' : undefined) },
      )
      .refine((m) => Object.keys(m).length > 0, { error: 'define at least one sandbox profile' })
      .prefault({ default: {} }),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? 'expected a config object' : undefined) },
)

// Compile-time check that the hand-written interfaces and the schema agree.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const _outputMatches: Equal<z.output<typeof nimbusConfigSchema>, NimbusConfig> = true
void _outputMatches
