/** Every built-in command, one import each; the registry derives names from the definitions. */
import type { Command } from './types.js'
import basenameCmd from './basename.js'
import catCmd from './cat.js'
import commCmd from './comm.js'
import cutCmd from './cut.js'
import dirnameCmd from './dirname.js'
import echoCmd from './echo.js'
import falseCmd from './false.js'
import foldCmd from './fold.js'
import headCmd from './head.js'
import lsCmd from './ls.js'
import mkdirCmd from './mkdir.js'
import nlCmd from './nl.js'
import pasteCmd from './paste.js'
import printfCmd from './printf.js'
import pwdCmd from './pwd.js'
import revCmd from './rev.js'
import rmCmd from './rm.js'
import seqCmd from './seq.js'
import sleepCmd from './sleep.js'
import sortCmd from './sort.js'
import tacCmd from './tac.js'
import tailCmd from './tail.js'
import teeCmd from './tee.js'
import touchCmd from './touch.js'
import trCmd from './tr.js'
import trueCmd from './true.js'
import uniqCmd from './uniq.js'
import wcCmd from './wc.js'
import yesCmd from './yes.js'

export const allCommands: readonly Command[] = [
  basenameCmd,
  catCmd,
  commCmd,
  cutCmd,
  dirnameCmd,
  echoCmd,
  falseCmd,
  foldCmd,
  headCmd,
  lsCmd,
  mkdirCmd,
  nlCmd,
  pasteCmd,
  printfCmd,
  pwdCmd,
  revCmd,
  rmCmd,
  seqCmd,
  sleepCmd,
  sortCmd,
  tacCmd,
  tailCmd,
  teeCmd,
  touchCmd,
  trCmd,
  trueCmd,
  uniqCmd,
  wcCmd,
  yesCmd,
]
