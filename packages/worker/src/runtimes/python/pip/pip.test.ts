import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../../vfs/testing.js'
import { findWheel, normalizeName, parseRequirement, parseWheelName } from './index-client.js'
import { installWheel, listInstalled, runtimeRequirements, parseMetadata, SITE_PACKAGES, uninstallDist } from './wheel.js'
import { readZip } from './zip.js'

/** A wheel made by the host's python3 zipfile (deflated entries, like real wheels). */
const wheel = (files: Record<string, string>): Uint8Array =>
  new Uint8Array(
    execFileSync('python3', ['-c', 'import sys, io, json, zipfile\nb = io.BytesIO()\nwith zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:\n    [z.writestr(k, v) for k, v in json.loads(sys.argv[1]).items()]\nsys.stdout.buffer.write(b.getvalue())', JSON.stringify(files)]),
  )

const page = (links: string[]) => async (): Promise<Response> => new Response(`<html><body>${links.map((l) => `<a href="${l}">x</a>`).join('\n')}</body></html>`)

describe('pip pieces', () => {
  it('reads deflated and stored zip entries', async () => {
    const entries = readZip(wheel({ 'a/b.py': 'x = 1\n'.repeat(50), 'c.txt': '' }))
    expect(entries.map((e) => e.name)).toEqual(['a/b.py', 'c.txt'])
    expect(new TextDecoder().decode(await entries[0]?.read())).toBe('x = 1\n'.repeat(50))
    expect(() => readZip(new Uint8Array(30))).toThrow('not a zip archive')
  })

  it('parses requirements and wheel names', () => {
    expect(parseRequirement('Tiny_Greet==1.2')).toEqual({ name: 'Tiny_Greet', version: '1.2' })
    expect(parseRequirement('requests[socks]')).toEqual({ name: 'requests' })
    expect(parseRequirement('x>=1')).toBeUndefined()
    expect(normalizeName('Tiny_Greet.x')).toBe('tiny-greet-x')
    expect(parseWheelName('pkg-1.0-1-py3-none-any.whl')).toEqual({ name: 'pkg', version: '1.0', python: 'py3', abi: 'none', platform: 'any' })
    expect(parseWheelName('pkg-1.0.tar.gz')).toBeUndefined()
  })

  it('picks the newest pure-Python wheel, skipping pre-releases, sdists and binary wheels', async () => {
    const links = [
      '../../f/pkg-1.9-py3-none-any.whl#sha256=' + 'a'.repeat(64),
      '../../f/pkg-1.10-py2.py3-none-any.whl',
      '../../f/pkg-2.0rc1-py3-none-any.whl',
      '../../f/pkg-3.0-cp312-cp312-manylinux_x86_64.whl',
      '../../f/pkg-3.0.tar.gz',
    ]
    const pick = await findWheel(page(links) as unknown as typeof fetch, 'http://i.test/simple/', { name: 'PKG' })
    expect(pick).toEqual({ filename: 'pkg-1.10-py2.py3-none-any.whl', url: 'http://i.test/f/pkg-1.10-py2.py3-none-any.whl', version: '1.10' })
    const pinned = await findWheel(page(links) as unknown as typeof fetch, 'http://i.test/simple', { name: 'pkg', version: '1.9' })
    expect(pinned.sha256).toBe('a'.repeat(64))
    await expect(findWheel(page(links) as unknown as typeof fetch, 'http://i.test/simple', { name: 'pkg', version: '3.0' })).rejects.toThrow(
      'No matching distribution found for pkg==3.0',
    )
  })

  it('installs a wheel into site-packages with its purelib data, lists and uninstalls it', async () => {
    const fs = createTestVfs()
    const w = wheel({
      'tiny/__init__.py': 'X = 1\n',
      'tiny-1.0.data/purelib/tiny_extra.py': 'Y = 2\n',
      'tiny-1.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: tiny\nVersion: 1.0\nRequires-Dist: dep\nRequires-Dist: pytest; extra == "test"\n\nLong description: x\n',
    })
    const dist = await installWheel(fs, 'tiny-1.0-py3-none-any.whl', w)
    expect(dist).toMatchObject({ name: 'tiny', version: '1.0', requires: ['dep'] })
    expect(fs.readText(`${SITE_PACKAGES}/tiny/__init__.py`)).toBe('X = 1\n')
    expect(fs.readText(`${SITE_PACKAGES}/tiny_extra.py`)).toBe('Y = 2\n')
    expect(listInstalled(fs)).toEqual([{ name: 'tiny', version: '1.0', distInfo: 'tiny-1.0.dist-info' }])
    uninstallDist(fs, listInstalled(fs)[0] as never)
    expect(fs.exists(`${SITE_PACKAGES}/tiny`)).toBe(false)
    expect(fs.exists(`${SITE_PACKAGES}/tiny_extra.py`)).toBe(false)
    expect(listInstalled(fs)).toEqual([])
  })

  it('refuses wheels that write outside site-packages or lack metadata', async () => {
    const fs = createTestVfs()
    await expect(installWheel(fs, 'e-1-py3-none-any.whl', wheel({ '../evil.py': '', 'e-1.dist-info/METADATA': 'Name: e\n' }))).rejects.toThrow('unsafe path ../evil.py')
    await expect(installWheel(fs, 'e-1-py3-none-any.whl', wheel({ 'e.py': '' }))).rejects.toThrow('no .dist-info/METADATA')
  })

  it('reads dependencies without extras from METADATA', () => {
    expect(runtimeRequirements(parseMetadata('Name: a\nRequires-Dist: b (>=1)\nRequires-Dist: c; python_version >= "3"\nRequires-Dist: d; extra == "x"\n'))).toEqual(['b', 'c'])
  })
})
