/**
 * The Python side of a run, installed in the isolate as the `_nimbus_runner` module: it
 * resets interpreter state left by the previous run (user modules, argv, environment,
 * cwd), runs `-c` code, a file, a module or stdin the way CPython's `main` does, and turns
 * SystemExit and uncaught exceptions into an exit status with a CPython-style traceback.
 */
export const RUNNER_MODULE = '_nimbus_runner'

export const RUNNER_PY = String.raw`
import builtins
import importlib
import importlib.machinery
import os
import runpy
import site
import sys
import traceback

SITE_PACKAGES = '/usr/local/lib/python%d.%d/site-packages' % sys.version_info[:2]
_base_modules = set(sys.modules)
_base_path = list(sys.path)
_skip = {__file__, getattr(runpy, '__file__', None), '<frozen runpy>'}


def _reset(argv, cwd, env, path0):
    for name in list(sys.modules):
        if name not in _base_modules:
            del sys.modules[name]
    sys.argv = list(argv)
    _restore_streams()
    # Only touch variables that differ: each change is a putenv/unsetenv in the runtime.
    for key in [k for k in os.environ if k not in env]:
        del os.environ[key]
    for key, value in env.items():
        if os.environ.get(key) != value:
            os.environ[key] = value
    os.chdir(cwd)
    sys.path[:] = [path0] + [p for p in _base_path if p != '']
    if os.path.isdir(SITE_PACKAGES):
        site.addsitedir(SITE_PACKAGES)
    # Directory listings may be stale after the file sync. importlib.invalidate_caches()
    # would also make the stdlib zip importer re-read its whole index: only the
    # directory finders are reset.
    for finder in list(sys.path_importer_cache.values()):
        if isinstance(finder, importlib.machinery.FileFinder):
            finder.invalidate_caches()


_streams = {'stdin': sys.stdin, 'stdout': sys.stdout, 'stderr': sys.stderr}
_modes = {'stdin': (0, 'r', 'strict'), 'stdout': (1, 'w', 'strict'), 'stderr': (2, 'w', 'backslashreplace')}


def _restore_streams():
    """Puts back the standard streams, reopening any the last program closed (json.tool closes stdin)."""
    for name, stream in list(_streams.items()):
        if stream is None or stream.closed:
            fd, mode, errors = _modes[name]
            stream = os.fdopen(fd, mode, 1 if mode == 'w' else -1, encoding='utf-8', errors=errors, closefd=False)
            _streams[name] = stream
        setattr(sys, name, stream)


def _status(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, bool):
        return int(code)
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except Exception:
        pass
    return 1


def _print_traceback(exc):
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename in _skip:
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb)


def _main_globals(filename):
    return {'__name__': '__main__', '__builtins__': builtins, '__doc__': None, '__spec__': None,
            '__loader__': None, '__package__': None, '__file__': filename}


def _py(value):
    return value.to_py() if hasattr(value, 'to_py') else value


_console = None


def _repl(mode, source, cwd, env):
    """The interactive interpreter: 0 when a statement ran, 1 when it needs more lines, 1000 + status on exit."""
    global _console
    if mode == 'repl-start':
        _reset([''], cwd, env, '')
        import code
        _console = code.InteractiveConsole({'__name__': '__main__', '__builtins__': builtins, '__doc__': None})
        return 0
    _restore_streams()
    if _console is None:
        return 1001
    if mode == 'repl-reset':
        _console.resetbuffer()
        return 0
    try:
        more = _console.push(source)
    except SystemExit as exc:
        _console = None
        return 1000 + _status(exc)
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
    return 1 if more else 0


def _http(request, directory):
    """One request for python -m http.server: the raw request in, the raw response on stdout."""
    import base64
    import http.server
    import io

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            sys.stderr.write('%s - - [%s] %s\n' % (self.address_string(), self.log_date_time_string(), format % args))

    handler = Handler.__new__(Handler)
    handler.directory = directory
    handler.client_address = ('127.0.0.1', 0)
    handler.rfile = io.BytesIO(base64.b64decode(request))
    handler.wfile = io.BytesIO()
    handler.close_connection = True
    handler.handle_one_request()
    sys.stdout.buffer.write(handler.wfile.getvalue())
    sys.stdout.flush()
    return 0


def main(mode, target, argv, cwd, env):
    argv, env = list(_py(argv)), dict(_py(env))
    if mode.startswith('repl'):
        return _repl(mode, target, cwd, env)
    if mode == 'http':
        _reset(argv, cwd, env, cwd)
        try:
            return _http(target, cwd)
        except BaseException as exc:
            _print_traceback(exc)
            return 1
    if mode == 'file':
        path0 = os.path.dirname(os.path.abspath(os.path.join(cwd, target)))
    elif mode == 'module':
        path0 = cwd
    else:
        path0 = ''
    _reset(argv, cwd, env, path0)
    try:
        if mode == 'code':
            exec(compile(target, '<string>', 'exec'), _main_globals('<string>'))
        elif mode == 'stdin':
            source = sys.stdin.read()
            exec(compile(source, '<stdin>', 'exec'), _main_globals('<stdin>'))
        elif mode == 'file':
            runpy.run_path(os.path.abspath(target), run_name='__main__')
        elif mode == 'module':
            runpy.run_module(target, run_name='__main__', alter_sys=True)
        status = 0
    except SystemExit as exc:
        status = _status(exc)
    except KeyboardInterrupt as exc:
        _print_traceback(exc)
        status = 130
    except BaseException as exc:
        _print_traceback(exc)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    return status
`
