import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { MapEnvironment } from '../lib/env.js'
import { basicAuthHeader, credentialsFromFile, displayUrl, findCredentials, maskSecrets, splitUrlCredentials } from './credentials.js'

describe('git credentials', () => {
  it('splits and hides URL credentials', () => {
    expect(splitUrlCredentials('https://me:p%40ss@host/x.git')).toEqual({ url: 'https://host/x.git', username: 'me', password: 'p@ss' })
    expect(splitUrlCredentials('https://host/x.git')).toEqual({ url: 'https://host/x.git' })
    expect(displayUrl('https://me:secret@host/x.git')).toBe('https://me:***@host/x.git')
    expect(displayUrl('https://token@host/x.git')).toBe('https://token@host/x.git')
  })

  it('masks secrets and URL passwords in any text', () => {
    expect(maskSecrets("fatal: failed for 'https://u:hunter22@h/x' with ghp_abc123", ['ghp_abc123'])).toBe("fatal: failed for 'https://u:***@h/x' with ***")
  })

  it('finds credentials in URL, env and ~/.git-credentials order', () => {
    const fs = createTestVfs({ '/home/user/.git-credentials': 'https://bob:filetoken@git.example.com\nhttps://amy:other@elsewhere.org/team\n' })
    const env = new MapEnvironment()
    const find = (url: string) => findCredentials({ url, env, fs, home: '/home/user' })
    expect(find('https://u:pw@git.example.com/r.git')).toEqual({ username: 'u', password: 'pw', source: 'url' })
    expect(find('https://git.example.com/r.git')).toEqual({ username: 'bob', password: 'filetoken', source: 'file' })
    expect(find('https://elsewhere.org/team/r.git')?.password).toBe('other')
    expect(find('https://elsewhere.org/solo/r.git')).toBeUndefined()
    expect(find('http://git.example.com/r.git')).toBeUndefined()
    env.set('GITHUB_TOKEN', 'gh')
    expect(find('https://git.example.com/r.git')).toEqual({ username: 'x-access-token', password: 'gh', source: 'env' })
    env.set('GIT_TOKEN', 'gt')
    expect(find('https://git.example.com/r.git')?.password).toBe('gt')
  })

  it('reads the store file format and builds Basic headers', () => {
    expect(credentialsFromFile('# comment\n\nhttps://x:y@h.com\n', 'https://h.com/a')).toEqual({ username: 'x', password: 'y', source: 'file' })
    expect(basicAuthHeader({ username: 'a', password: 'b' })).toBe(`Basic ${btoa('a:b')}`)
  })
})
