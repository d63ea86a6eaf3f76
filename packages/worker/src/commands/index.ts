/** Every built-in command, one import each; the registry derives names from the definitions. */
import type { Command } from './types.js'
import awkCmd from './awk.js'
import base64Cmd from './base64.js'
import basenameCmd from './basename.js'
import bunCmd from './bun.js'
import bunxCmd from './bunx.js'
import catCmd from './cat.js'
import clangCmd from './clang.js'
import clangxxCmd from './clangxx.js'
import chmodCmd from './chmod.js'
import clearCmd from './clear.js'
import commCmd from './comm.js'
import cpCmd from './cp.js'
import curlCmd from './curl.js'
import cutCmd from './cut.js'
import dateCmd from './date.js'
import dfCmd from './df.js'
import diffCmd from './diff.js'
import dirnameCmd from './dirname.js'
import duCmd from './du.js'
import echoCmd from './echo.js'
import envCmd from './env.js'
import falseCmd from './false.js'
import fileCmd from './file.js'
import findCmd from './find.js'
import foldCmd from './fold.js'
import freeCmd from './free.js'
import gitCmd from './git/index.js'
import grepCmd from './grep.js'
import gzipCmd from './gzip.js'
import headCmd from './head.js'
import helpCmd from './help.js'
import hostnameCmd from './hostname.js'
import idCmd from './id.js'
import jqCmd from './jq.js'
import lessCmd from './less.js'
import lnCmd from './ln.js'
import lsCmd from './ls.js'
import md5sumCmd from './md5sum.js'
import mkdirCmd from './mkdir.js'
import mvCmd from './mv.js'
import nanoCmd from './nano.js'
import nlCmd from './nl.js'
import nodeCmd from './node.js'
import npmCmd from './npm.js'
import nprocCmd from './nproc.js'
import npxCmd from './npx.js'
import odCmd from './od.js'
import pasteCmd from './paste.js'
import patchCmd from './patch.js'
import pipCmd from './pip.js'
import printenvCmd from './printenv.js'
import printfCmd from './printf.js'
import psCmd from './ps.js'
import pwdCmd from './pwd.js'
import pythonCmd from './python.js'
import readlinkCmd from './readlink.js'
import realpathCmd from './realpath.js'
import revCmd from './rev.js'
import rmCmd from './rm.js'
import rmdirCmd from './rmdir.js'
import rubyCmd from './ruby.js'
import runtimesCmd from './runtimes.js'
import sedCmd from './sed.js'
import seqCmd from './seq.js'
import serveCmd from './serve.js'
import sha1sumCmd from './sha1sum.js'
import sha256sumCmd from './sha256sum.js'
import sha512sumCmd from './sha512sum.js'
import sleepCmd from './sleep.js'
import sortCmd from './sort.js'
import splitCmd from './split.js'
import statCmd from './stat.js'
import tacCmd from './tac.js'
import tailCmd from './tail.js'
import tarCmd from './tar.js'
import teeCmd from './tee.js'
import testCmd from './test.js'
import timeoutCmd from './timeout.js'
import touchCmd from './touch.js'
import trCmd from './tr.js'
import trueCmd from './true.js'
import unameCmd from './uname.js'
import uniqCmd from './uniq.js'
import uptimeCmd from './uptime.js'
import watchCmd from './watch.js'
import wcCmd from './wc.js'
import whichCmd from './which.js'
import whoamiCmd from './whoami.js'
import xargsCmd from './xargs.js'
import xxdCmd from './xxd.js'
import yesCmd from './yes.js'

export const allCommands: readonly Command[] = [
  awkCmd,
  base64Cmd,
  basenameCmd,
  bunCmd,
  bunxCmd,
  catCmd,
  clangCmd,
  clangxxCmd,
  chmodCmd,
  clearCmd,
  commCmd,
  cpCmd,
  curlCmd,
  cutCmd,
  dateCmd,
  dfCmd,
  diffCmd,
  dirnameCmd,
  duCmd,
  echoCmd,
  envCmd,
  falseCmd,
  fileCmd,
  findCmd,
  foldCmd,
  freeCmd,
  gitCmd,
  grepCmd,
  gzipCmd,
  headCmd,
  helpCmd,
  hostnameCmd,
  idCmd,
  jqCmd,
  lessCmd,
  lnCmd,
  lsCmd,
  md5sumCmd,
  mkdirCmd,
  mvCmd,
  nanoCmd,
  nlCmd,
  nodeCmd,
  npmCmd,
  nprocCmd,
  npxCmd,
  odCmd,
  pasteCmd,
  patchCmd,
  pipCmd,
  printenvCmd,
  printfCmd,
  psCmd,
  pwdCmd,
  pythonCmd,
  readlinkCmd,
  realpathCmd,
  revCmd,
  rmCmd,
  rmdirCmd,
  rubyCmd,
  runtimesCmd,
  sedCmd,
  seqCmd,
  serveCmd,
  sha1sumCmd,
  sha256sumCmd,
  sha512sumCmd,
  sleepCmd,
  sortCmd,
  splitCmd,
  statCmd,
  tacCmd,
  tailCmd,
  tarCmd,
  teeCmd,
  testCmd,
  timeoutCmd,
  touchCmd,
  trCmd,
  trueCmd,
  unameCmd,
  uniqCmd,
  uptimeCmd,
  watchCmd,
  wcCmd,
  whichCmd,
  whoamiCmd,
  xargsCmd,
  xxdCmd,
  yesCmd,
]
