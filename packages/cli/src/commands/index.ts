/** The one registration list: every command and namespace of `nimbus`, in help order. */
import type { CliCommand, CliNamespace } from '../define.js'
import init from './init.js'
import runtime from './runtime/index.js'
import runtimeSync from './runtime/sync.js'
import setup from './setup/index.js'
import setupCloudflare from './setup/cloudflare.js'

export const namespaces: readonly CliNamespace[] = [setup, runtime]

export const commands: readonly CliCommand[] = [init, setupCloudflare, runtimeSync]
