/**
 * `box.tools()` with the `ai` package: a scripted mock language model asks for tool calls,
 * `generateText` runs them against a real sandbox in workerd, and the model's next step
 * sees their real results.
 */
import { env } from 'cloudflare:test'
import { generateText, stepCountIs } from 'ai'
import { MockLanguageModelV4 } from 'ai/test'
import { describe, expect, it } from 'vitest'
import { defineNimbusConfig } from '@nimbus-sh/config'
import { Nimbus } from '@nimbus-sh/sdk/sandbox'

const config = defineNimbusConfig({
  endpoint: 'https://nimbus.test',
  sandboxes: { agent: { root: '/home/user', tools: { namespace: 'box', kind: 'sandbox' }, runtimes: { allow: ['shell', 'node'] } } },
})

type Options = Parameters<MockLanguageModelV4['doGenerate']>[0]
type Result = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
}
const calls = (...list: Array<[string, unknown]>): Result => ({
  content: list.map(([toolName, input], i) => ({ type: 'tool-call', toolCallId: `call-${toolName}-${i}`, toolName, input: JSON.stringify(input) })),
  finishReason: { unified: 'tool-calls', raw: undefined },
  usage,
  warnings: [],
})
const say = (text: string): Result => ({ content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: undefined }, usage, warnings: [] })

/** Tool results the model has been shown so far, by tool name. */
function toolResults(options: Options): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const message of options.prompt) {
    if (message.role !== 'tool') continue
    for (const part of message.content) if (part.type === 'tool-result') out[part.toolName] = part.output
  }
  return out
}

describe('box.tools()', () => {
  it('names the tools with the namespace and describes the limits honestly', () => {
    const box = Nimbus.fromEnv(env, config).sandbox(`tools-${Date.now()}`, { profile: 'agent' })
    const provider = box.tools()
    expect(provider.namespace).toBe('box')
    expect(Object.keys(provider.toolSet).sort()).toEqual(
      ['deleteFile', 'exec', 'exists', 'exposePort', 'installRuntime', 'killProcess', 'listFiles', 'listPorts', 'listRuntimes', 'logs', 'readFile', 'runCode', 'startProcess', 'unexposePort', 'writeFile']
        .map((n) => `box_${n}`)
        .sort(),
    )
    expect(provider.tools.readdir).toBe(provider.tools.listFiles)
    expect(provider.tools.exec.description).toMatch(/no Docker, no apt.*no GPU, no native Linux ELF binaries and no raw TCP/)
    expect(provider.capabilities).toMatchObject({ docker: false, apt: false, gpu: false, nativeElf: false, rawTcp: false, shell: true })
    expect(box.tools({ namespace: 'sandbox' }).toolSet.sandbox_exec).toBeDefined()
  })

  it('runs the calls a model makes against the real sandbox', async () => {
    const box = Nimbus.fromEnv(env, config).sandbox(`tools-run-${Date.now()}`, { profile: 'agent' })
    const seenTools: string[] = []
    let step = 0
    const model = new MockLanguageModelV4({
      doGenerate: async (options) => {
        step++
        if (step === 1) {
          seenTools.push(...(options.tools ?? []).map((t) => t.name))
          return calls(['box_writeFile', { path: 'notes/todo.txt', content: 'buy milk\nwrite tests\n' }])
        }
        if (step === 2) return calls(['box_exec', { command: 'wc -l < notes/todo.txt && ls notes' }], ['box_exists', { path: 'notes/none' }])
        if (step === 3) {
          const results = toolResults(options)
          expect(JSON.stringify(results.box_exec)).toContain('2\\ntodo.txt')
          return calls(['box_startProcess', { command: 'echo from-bg; sleep 0' }], ['box_readFile', { path: '/etc/../home/user/notes/todo.txt' }], ['box_installRuntime', { name: 'python' }])
        }
        if (step === 4) {
          const started = toolResults(options).box_startProcess as { type: string; value: { pid: number } }
          return calls(['box_logs', { pid: started.value.pid }], ['box_deleteFile', { path: 'notes', recursive: true }])
        }
        return say('done')
      },
    })
    const result = await generateText({ model, tools: box.tools().toolSet, prompt: 'organise my notes', stopWhen: stepCountIs(6) })
    expect(result.text).toBe('done')
    expect(seenTools).toContain('box_exec')

    const outputs = new Map(result.steps.flatMap((s) => s.toolResults).map((r) => [r.toolName, r.output]))
    expect(outputs.get('box_writeFile')).toMatchObject({ path: '/home/user/notes/todo.txt', size: 21 })
    expect(outputs.get('box_exec')).toMatchObject({ stdout: '2\ntodo.txt\n', exitCode: 0 })
    expect(outputs.get('box_exists')).toEqual({ path: 'notes/none', exists: false })
    expect(outputs.get('box_readFile')).toMatchObject({ content: 'buy milk\nwrite tests\n' })
    expect(outputs.get('box_installRuntime')).toMatchObject({ code: 'E_RUNTIME_NOT_ALLOWED' })
    expect((outputs.get('box_logs') as { text: string }).text).toContain('from-bg')
    expect(outputs.get('box_deleteFile')).toEqual({ deleted: 'notes' })
    expect(await box.files.exists('notes')).toBe(false)
  })

  it('rejects tool input that does not match the zod schema before it reaches the sandbox', async () => {
    const box = Nimbus.fromEnv(env, config).sandbox(`tools-bad-${Date.now()}`, { profile: 'agent' })
    let step = 0
    const model = new MockLanguageModelV4({
      doGenerate: async () => (++step === 1 ? calls(['box_exec', { command: 42 }]) : say('gave up')),
    })
    const result = await generateText({ model, tools: box.tools().toolSet, prompt: 'x', stopWhen: stepCountIs(3) })
    const errors = result.steps.flatMap((s) => s.content).filter((c) => c.type === 'tool-error')
    expect(errors).toHaveLength(1)
    expect(await box.processes.list()).toEqual([])
  })
})
