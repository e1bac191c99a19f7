"""Shared checks for the bad-input tests: run the CLI in-process and require one clear error line."""

from sim.cli import main


def run_cli(argv, capsys):
    """``sim.cli.main`` in-process: (exit status, stdout, stderr). argparse errors exit through SystemExit."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err: str, fragments) -> None:
    """Exit status 2, exactly one stderr line, no traceback, and every fragment (file, key, problem) named."""
    assert code == 2, f"exit status {code}, stderr {err!r}"
    assert err.endswith("\n") and err.count("\n") == 1, f"stderr is not exactly one line: {err!r}"
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in {err!r}"
