/** The one registration list: every command and namespace of `nimbus`, in help order. */
import type { CliCommand, CliNamespace } from '../define.js'
import init from './init.js'
import runtime from './runtime/index.js'
import runtimeSync from './runtime/sync.js'
import session from './session/index.js'
import sessionNew from './session/new.js'
import setup from './setup/index.js'
import setupCloudflare from './setup/cloudflare.js'
import token from './token/index.js'
import tokenMint from './token/mint.js'
import tokenVerify from './token/verify.js'

export const namespaces: readonly CliNamespace[] = [setup, token, session, runtime]

export const commands: readonly CliCommand[] = [init, setupCloudflare, tokenMint, tokenVerify, sessionNew, runtimeSync]
