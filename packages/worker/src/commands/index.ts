/** Every built-in command, one import each; the registry derives names from the definitions. */
import type { Command } from './types.js'
import awkCmd from './awk.js'
import basenameCmd from './basename.js'
import catCmd from './cat.js'
import chmodCmd from './chmod.js'
import commCmd from './comm.js'
import cpCmd from './cp.js'
import cutCmd from './cut.js'
import dfCmd from './df.js'
import dirnameCmd from './dirname.js'
import duCmd from './du.js'
import echoCmd from './echo.js'
import envCmd from './env.js'
import falseCmd from './false.js'
import findCmd from './find.js'
import foldCmd from './fold.js'
import grepCmd from './grep.js'
import headCmd from './head.js'
import lnCmd from './ln.js'
import lsCmd from './ls.js'
import mkdirCmd from './mkdir.js'
import mvCmd from './mv.js'
import nlCmd from './nl.js'
import pasteCmd from './paste.js'
import printenvCmd from './printenv.js'
import printfCmd from './printf.js'
import pwdCmd from './pwd.js'
import readlinkCmd from './readlink.js'
import realpathCmd from './realpath.js'
import revCmd from './rev.js'
import rmCmd from './rm.js'
import rmdirCmd from './rmdir.js'
import sedCmd from './sed.js'
import seqCmd from './seq.js'
import serveCmd from './serve.js'
import sleepCmd from './sleep.js'
import sortCmd from './sort.js'
import statCmd from './stat.js'
import tacCmd from './tac.js'
import tailCmd from './tail.js'
import teeCmd from './tee.js'
import testCmd from './test.js'
import touchCmd from './touch.js'
import trCmd from './tr.js'
import trueCmd from './true.js'
import uniqCmd from './uniq.js'
import wcCmd from './wc.js'
import whichCmd from './which.js'
import xargsCmd from './xargs.js'
import yesCmd from './yes.js'

export const allCommands: readonly Command[] = [
  awkCmd,
  basenameCmd,
  catCmd,
  chmodCmd,
  commCmd,
  cpCmd,
  cutCmd,
  dfCmd,
  dirnameCmd,
  duCmd,
  echoCmd,
  envCmd,
  falseCmd,
  findCmd,
  foldCmd,
  grepCmd,
  headCmd,
  lnCmd,
  lsCmd,
  mkdirCmd,
  mvCmd,
  nlCmd,
  pasteCmd,
  printenvCmd,
  printfCmd,
  pwdCmd,
  readlinkCmd,
  realpathCmd,
  revCmd,
  rmCmd,
  rmdirCmd,
  sedCmd,
  seqCmd,
  serveCmd,
  sleepCmd,
  sortCmd,
  statCmd,
  tacCmd,
  tailCmd,
  teeCmd,
  testCmd,
  touchCmd,
  trCmd,
  trueCmd,
  uniqCmd,
  wcCmd,
  whichCmd,
  xargsCmd,
  yesCmd,
]
