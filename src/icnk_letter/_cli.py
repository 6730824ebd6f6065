"""The ``icnk-letter`` command line (and ``python -m icnk_letter``): the release in a terminal, a pipe or a script.

Output goes to stdout as UTF-8 whatever the locale: aligned tables on a
terminal, tab-separated lines in a pipe, or ``--format json``/``csv``. Errors
are one line on stderr, never a traceback. Exit codes:

- 0: success.
- 1: nothing found (an unknown key, a search or filter without results, such
  as a known country no member is from), data that is not sound, or an output
  that cannot be written: a file, or stdout closed (``>&-``) or on a full disk
  (``--help > /dev/full`` too).
- 2: a usage error: an unknown command or option, a value not understood (such
  as an unknown country); argparse's own errors print the usage line first.
- 129, 143: stopped by SIGHUP or SIGTERM, after removing any temporary file.
- 130: interrupted with Ctrl-C.
- 141: stdout was closed early (``icnk-letter members | head -1``), the code of
  a process stopped by SIGPIPE; nothing is printed.

With stderr closed or full, errors are dropped and the exit code alone tells.

Start-up is part of the interface (issue 7): this module imports only argparse
and the exceptions; each command imports what it needs when it runs, so
``icnk-letter members`` loads the release and nothing else (no cattrs, no
search index, no export code).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar

from ._cli_cite import cite, cite_options
from ._errors import AmbiguousKeyError, DataError, NotFoundError
from .formats import EXPORT_FORMATS

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from ._cli_text import Row
    from ._model import Organization, Release
    from ._records import Records

__all__ = ["main"]

PROG = "icnk-letter"

OK = 0
NOT_FOUND = 1
USAGE = 2
INTERRUPTED = 130
BROKEN_PIPE = 141

LISTING_FORMATS = ("table", "tsv", "json", "csv")
# The export formats, then the data package (which --output must name a folder for).
EXPORT_CHOICES = (*EXPORT_FORMATS, "datapackage")
# The kinds of record ``search --kind`` narrows to, each with its other spellings.
SEARCH_KINDS: Mapping[str, tuple[str, ...]] = {
    "organizations": ("organization",),
    "members": ("member",),
    "people": ("person", "persons"),
    "contacts": ("contact",),
    "claims": ("claim",),
    "quotes": ("quote",),
    "letters": ("letter",),
}
# The kinds of claim ``claims --kind`` narrows to, each with its other spellings.
CLAIM_KINDS: Mapping[str, tuple[str, ...]] = {
    "violation": ("violations",),
    "demand": ("demands",),
    "statement": ("statements",),
}
# The values of --country that mean "printed without a country" (country=None in the library).
NO_COUNTRY = ("none", "-")

T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code.

    >>> main(["members", "--country", "Brazil", "--format", "table"])
    COUNTRY  ACRONYM  NAME
    BR                Conectas
    0
    """
    closed = _stand_in_for_closed_streams()
    try:
        with _signals_stop():
            _use_utf8()
            arguments = list(argv) if argv is not None else [redecoded(arg) for arg in sys.argv[1:]]
            code = _run(arguments)
            try:
                sys.stdout.flush()  # a closed pipe or a full disk shows here
            except BrokenPipeError:
                raise
            except OSError as exc:
                _error(f"cannot write to stdout: {exc.strerror or exc}")
                _silence_stdout()
                return NOT_FOUND if code == OK else code
            return code
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE
    except KeyboardInterrupt:
        return INTERRUPTED
    except _Stopped as exc:
        return 128 + exc.signal
    finally:
        for name in closed:
            setattr(sys, name, None)


# -- plumbing -----------------------------------------------------------------------


class _Exit(Exception):
    """Leave the command with exit code *code*, after printing *message* (if any) as an error."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C (temporary files are removed), exit 128 + *signal*."""

    def __init__(self, signal: int) -> None:
        super().__init__(signal)
        self.signal = signal


def _stop(signal: int, frame: object) -> NoReturn:
    raise _Stopped(signal)


@contextlib.contextmanager
def _signals_stop() -> Generator[None, None, None]:
    """While a command runs, make SIGTERM and SIGHUP raise :class:`_Stopped`, as SIGINT raises KeyboardInterrupt.

    A signal that is ignored (``nohup`` ignores SIGHUP) stays ignored.
    """
    import signal

    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number: int | None = getattr(signal, name, None)
        if number is None:  # pragma: no cover (Windows has no SIGHUP)
            continue
        if signal.getsignal(number) == signal.SIG_IGN:
            continue
        try:
            previous[number] = signal.signal(number, _stop)
        except ValueError:  # not the main thread: signals are not ours to handle
            break
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


class _ClosedStdout(io.TextIOBase):
    """Stands in for a stdout closed at start-up (``>&-``): writing to it is an error, as to a closed file."""

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, "it is closed")


class _ClosedStderr(io.TextIOBase):
    """Stands in for a stderr closed at start-up (``2>&-``): messages are dropped; the exit code tells."""

    def write(self, s: str) -> int:
        return len(s)


def _stand_in_for_closed_streams() -> list[str]:
    """Give a closed stdout or stderr (``None`` in :mod:`sys`) a stand-in; return the names replaced."""
    closed: list[str] = []
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
        closed.append("stdout")
    if sys.stderr is None:
        sys.stderr = _ClosedStderr()
        closed.append("stderr")
    return closed


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`_Exit` instead of exiting, so that main() returns."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            _write_stderr(message)
        raise _Exit(status)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse ignores a failed write; --help into a full disk must fail.
        if file is None or file is sys.stderr:
            _write_stderr(message)
        else:
            with _stdout_errors():
                file.write(message)


class _Version(argparse.Action):
    """``--version``: computed only when asked for, so that other commands do not pay for it."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from . import __version__

        release = _release()
        sys.stdout.write(
            f"{PROG} {__version__} (data schema {release.schema_version}, text sha256 {release.sha256})\n"
        )
        raise _Exit(OK)


def _run(arguments: list[str]) -> int:
    try:
        args = _parser(arguments).parse_args(arguments)
        command: Callable[[argparse.Namespace], int] = args.command
        return command(args)
    except _Exit as exc:
        if exc.message:
            _error(exc.message)
        return exc.code
    except (NotFoundError, AmbiguousKeyError) as exc:
        # The key echoed back is cut to a preview: it may be up to 1,000 characters.
        _error(str(exc).replace(repr(exc.key), _preview(exc.key), 1))
        return NOT_FOUND
    except DataError as exc:
        _error(str(exc))
        return NOT_FOUND
    except BrokenPipeError:
        raise
    except OSError as exc:
        _error(str(exc))
        return NOT_FOUND


def _preview(text: str, length: int = 40) -> str:
    """Return *text* as repr() shows it, cut to its first *length* characters if longer."""
    return repr(text) if len(text) <= length else f"{text[:length]!r}... ({len(text)} characters)"


def _error(message: str) -> None:
    _write_stderr(f"{PROG}: {message}\n")


def _write_stderr(text: str) -> None:
    """Write *text* to stderr; if that fails too (closed, full), the exit code alone tells."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _use_utf8() -> None:
    """Make stdout and stderr UTF-8 whatever the locale (``LANG=C``, ``PYTHONIOENCODING`` unset)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def redecoded(arg: str) -> str:
    """Return a command-line argument decoded as UTF-8 where the locale could not decode it.

    Under ``LC_ALL=C`` without Python's UTF-8 mode, ``é`` typed in a UTF-8
    terminal arrives as two lone surrogates; its bytes are UTF-8, so decode them
    as such. An argument the locale did decode is left alone.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in arg):
        return arg
    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeError:
        return arg


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _write(text: str) -> None:
    with _stdout_errors():
        sys.stdout.write(text)


def _write_bytes(data: bytes) -> None:
    """Write *data* to stdout as is: no newline translation, so CRLF stays CRLF."""
    with _stdout_errors():
        sys.stdout.flush()
        buffer: IO[bytes] | None = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()


@contextlib.contextmanager
def _stdout_errors() -> Generator[None, None, None]:
    """Turn a failed write to stdout (closed, a full disk) into one error line and exit code 1."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()  # what is still buffered must not fail again at exit
        raise _Exit(NOT_FOUND, f"cannot write to stdout: {exc.strerror or exc}") from None


def terminal_width() -> int | None:
    """Return how many columns a table may take: ``$COLUMNS`` if set, else the terminal's width.

    ``None`` (no limit) when neither is known: in a pipe, ``--format table``
    keeps every line whole unless ``COLUMNS`` says otherwise. This is
    :func:`shutil.get_terminal_size` without its fallback, and asking stdout
    itself rather than ``sys.__stdout__``.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return None
    return columns or None


def stdout_is_a_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _release() -> Release:
    from ._load import load

    return load()


# -- the parser -----------------------------------------------------------------------

_DESCRIPTION = """\
The ICNK open letter press release of 8-9 January 2012 (North Korea) as data:
its members, press contacts and claims. Without a command, print a summary."""

_EPILOG = """\
examples:
  icnk-letter                           a summary of the release
  icnk-letter members --country ROK     the members from South Korea
  icnk-letter show fidh                 one record in full, found by any key
  icnk-letter export vcard -o icnk.vcf  the press contacts for an address book

Output is an aligned table on a terminal, no wider than the terminal
($COLUMNS if set): the widest columns (the last one usually) are narrowed and
their values wrap onto more lines, between words; nothing is cut off. In a
pipe it is tab-separated lines, each record whole on one line.
'COMMAND --help' shows each command's options.

Exit codes: 0 success; 1 nothing found (an unknown key, no match, a known
country no member is from), unsound data or an unwritable output; 2 usage
error (an unknown option, or a value not understood, such as an unknown
country); 130 interrupted; 141 stdout closed early."""


class _Command(NamedTuple):
    """A command: its name, what runs it, its one-line summary, examples and options."""

    name: str
    run: Callable[[argparse.Namespace], int]
    summary: str
    examples: tuple[str, ...]
    options: Callable[[_Parser], None] | None = None


def _parser(arguments: Sequence[str] = ()) -> _Parser:
    """Return the parser for *arguments*.

    Building a sub-parser costs a few gettext look-ups on the file system, so
    only what *arguments* can reach is built: no sub-parser without
    arguments (the summary), only the named command's when the first argument
    is one, every one otherwise (``--help``, ``--version``, a mistyped command).
    """
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        help="print the library version, the data schema version and the sha256 of the text",
    )
    parser.set_defaults(command=_summary)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    commands = _commands()
    if arguments:
        chosen = [command for command in commands if command.name == arguments[0]]
        for command in chosen or commands:
            sub = subparsers.add_parser(
                command.name,
                help=command.summary,
                description=command.summary[0].upper() + command.summary[1:] + ".",
                epilog=f"example{'s' if len(command.examples) > 1 else ''}:\n  "
                + "\n  ".join(command.examples),
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            sub.set_defaults(command=command.run)
            if command.options is not None:
                command.options(sub)
    return parser


def _commands() -> tuple[_Command, ...]:
    return (
        _Command(
            "summary",
            _summary,
            "print a short overview of the release (the default)",
            ("icnk-letter summary",),
        ),
        _Command(
            "members",
            _members,
            "list the organizations of the member list, in printed order",
            (
                "icnk-letter members --country ROK",
                "icnk-letter members --country none",
                "icnk-letter members --format csv > members.csv",
            ),
            _members_options,
        ),
        _Command(
            "contacts",
            _contacts,
            "list the press contacts, one per city",
            (
                "icnk-letter contacts --language Korean",
                "icnk-letter contacts --organization 'Human Rights Watch' --format json",
            ),
            _contacts_options,
        ),
        _Command(
            "claims",
            _claims,
            "list the violations cited, the demands made and the statements of fact",
            ("icnk-letter claims --kind violation", "icnk-letter claims --has-quantity --format csv"),
            _claims_options,
        ),
        _Command(
            "show",
            _show,
            "print one record in full, with its span and the text around it",
            (
                "icnk-letter show 'Amnesty International'",
                "icnk-letter show +81-3-5282-5162",
                "icnk-letter show fidh --format json",
            ),
            _show_options,
        ),
        _Command(
            "search",
            _search,
            "search the release, best matches first, forgiving typos",
            (
                "icnk-letter search 'humen rihgts watch' --limit 3",
                "icnk-letter search 'prison camps' --kind claims",
            ),
            _search_options,
        ),
        _Command(
            "text",
            _text,
            "print the verbatim text of the release, byte for byte",
            ("icnk-letter text > release.txt",),
        ),
        _Command(
            "export",
            _export,
            "write the release in another format, to stdout or atomically to a file",
            (
                "icnk-letter export vcard --output contacts.vcf",
                "icnk-letter export csv-members | head -3",
                "icnk-letter export datapackage --output icnk-data",
            ),
            _export_options,
        ),
        _Command(
            "verify",
            _verify,
            "check the data against the text; print the known discrepancies of the source",
            ("icnk-letter verify",),
        ),
        _Command(
            "cite",
            cite,
            "print a citation of the release: plain text, BibTeX, CSL-JSON or RIS",
            ("icnk-letter cite", "icnk-letter cite --format bibtex >> references.bib"),
            cite_options,
        ),
    )


def _members_options(parser: _Parser) -> None:
    parser.add_argument(
        "--country",
        metavar="C",
        help="only those of a country: an ISO 3166-1 code or a name (KR, ROK, 'South Korea'); "
        "'none' or '-' for those printed without a country. An unknown country exits with 2, "
        "a country no member is from with 1; both list the members' countries",
    )
    _add_format(parser)


def _contacts_options(parser: _Parser) -> None:
    parser.add_argument("--language", metavar="L", help="only those who speak a language (ko, Korean)")
    parser.add_argument("--city", metavar="C", help="only those of a city (Tokyo)")
    parser.add_argument("--organization", metavar="O", help="only those of an organization: its name or id")
    _add_format(parser)


def _claims_options(parser: _Parser) -> None:
    parser.add_argument(
        "--kind",
        type=_kind_of("claim", CLAIM_KINDS),
        metavar="KIND",
        help="only claims of one kind: " + _or(CLAIM_KINDS) + " (singular or plural)",
    )
    parser.add_argument("--has-quantity", action="store_true", help="only claims that carry a figure")
    _add_format(parser)


def _show_options(parser: _Parser) -> None:
    parser.add_argument(
        "key", help="an id, name, acronym, member-list line, email address or phone number (any writing)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (the default) or the record's JSON"
    )


def _search_options(parser: _Parser) -> None:
    parser.add_argument("query", help="words to look for, in any order")
    parser.add_argument(
        "--kind",
        type=_kind_of("record", SEARCH_KINDS),
        metavar="KIND",
        help="only records of one kind: " + _or(SEARCH_KINDS) + " (singular or plural)",
    )
    parser.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help="print at most N hits (default: 10)"
    )
    _add_format(parser)


def _export_options(parser: _Parser) -> None:
    parser.add_argument(
        "export_format",
        choices=EXPORT_CHOICES,
        metavar="FORMAT",
        help="one of " + ", ".join(EXPORT_CHOICES) + " (datapackage needs --output DIR)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to this file (a folder for datapackage) instead of stdout; "
        "a file or folder is replaced whole, so an interrupted run leaves the old one or the new one",
    )
    parser.add_argument("--force", action="store_true", help="replace a read-only file")


def _add_format(parser: _Parser) -> None:
    parser.add_argument(
        "--format",
        choices=LISTING_FORMATS,
        help="table (the default on a terminal: aligned, as wide as the terminal, long values "
        "wrapped within their column), tsv (the default in a pipe: one whole line per record, "
        "tab-separated, no heading), json or csv (the library's serializations)",
    )


def _kind_of(what: str, kinds: Mapping[str, tuple[str, ...]]) -> Callable[[str], str]:
    """Return the argparse type of a ``--kind``: any spelling of one of *kinds*, as its first one."""

    def kind(text: str) -> str:
        name = text.strip().casefold()
        for first, others in kinds.items():
            if name == first or name in others:
                return first
        listed = _or(kinds, "and")
        raise argparse.ArgumentTypeError(
            f"unknown kind of {what} {text!r}; the kinds of {what} are {listed} (singular or plural)"
        )

    return kind


def _or(names: Iterable[str], conjunction: str = "or") -> str:
    """Return *names* as a list in prose: ``a, b or c``.

    >>> _or(["a", "b", "c"]), _or(["a", "b"], "and"), _or(["a"])
    ('a, b or c', 'a and b', 'a')
    """
    listed = list(names)
    if len(listed) < 2:
        return "".join(listed)
    return ", ".join(listed[:-1]) + f" {conjunction} " + listed[-1]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


# -- the commands ---------------------------------------------------------------------


def _summary(args: argparse.Namespace) -> int:
    from ._cli_render import summary

    _write(summary(_release()))
    return OK


def _members(args: argparse.Namespace) -> int:
    if args.country is None and _format_of(args) in ("table", "tsv"):
        # The whole list as text needs no records: its rows come straight from
        # the bundled data, so the most common command does not pay for attrs
        # and the record classes (tests check it prints what the records say).
        from ._cli_text import MEMBER_COLUMNS, member_cells, table, tsv
        from ._data import bundled_data

        rows = [member_cells(m["country"], m["acronym"], m["name"]) for m in bundled_data()["members"]]
        _write(table(MEMBER_COLUMNS, rows, terminal_width()) if _format_of(args) == "table" else tsv(rows))
        return OK
    release = _release()
    members = release.members
    criteria = _criteria(args, "country")
    if args.country is not None:
        given: str = args.country
        country = None if given.strip().casefold() in NO_COUNTRY else given
        try:
            members = members.filter(country=country)
        except ValueError:
            raise _Exit(
                USAGE,
                f"unknown country {given!r}: not an ISO 3166-1 alpha-2 code, nor a country name the "
                f"package knows; {countries_of(release.members)}",
            ) from None
        if not members:
            from ._filters import resolve_country

            code = resolve_country(country)
            if code != given.strip():
                criteria += f" ({code})"
            criteria += f"; {countries_of(release.members)}"
    return _listing(args, "members", members, release, criteria)


def countries_of(members: Sequence[Organization]) -> str:
    """Return the countries of *members*, for a message: what ``--country`` can find.

    Each code is followed by the country's name where the package data names it.
    """
    import json

    from ._resources import read_text

    names: dict[str, dict[str, object]] = json.loads(read_text("countries.json"))["countries"]
    codes = sorted({member.country for member in members if member.country is not None})
    listed = [f"{code} ({names[code]['name']})" if code in names else code for code in codes]
    without = sum(member.country is None for member in members)
    if without:
        listed.append(f"'none' ({without} printed without a country)")
    return "the members' countries are " + _or(listed, "and")


def _contacts(args: argparse.Namespace) -> int:
    release = _release()
    criteria = {
        name: value
        for name in ("language", "city", "organization")
        if (value := getattr(args, name)) is not None
    }
    contacts = _filtered(release.contacts, **criteria) if criteria else release.contacts
    return _listing(args, "contacts", contacts, release, _criteria(args, "language", "city", "organization"))


def _claims(args: argparse.Namespace) -> int:
    release = _release()
    criteria: dict[str, object] = {}
    if args.kind is not None:
        criteria["kind"] = args.kind
    if args.has_quantity:
        criteria["has_quantity"] = True
    claims = _filtered(release.claims, **criteria) if criteria else release.claims
    return _listing(args, "claims", claims, release, _criteria(args, "kind", "has_quantity"))


# The criteria come from the command line: Any, since each kind of record types its own.
def _filtered(records: Records[T], **criteria: Any) -> Records[T]:
    try:
        return records.filter(**criteria)
    except ValueError as exc:  # a language or an organization the library does not know
        raise _Exit(USAGE, str(exc)) from None


def _criteria(args: argparse.Namespace, *names: str) -> str:
    """Return the filter options given, as typed: ``--country FR``."""
    given: list[str] = []
    for name in names:
        value: object = getattr(args, name)
        option = "--" + name.replace("_", "-")
        if value is True:
            given.append(option)
        elif value is not None and value is not False:
            given.append(f"{option} {value}")
    return " ".join(given)


def _format_of(args: argparse.Namespace) -> str:
    """Return the output format asked for: a table on a terminal and TSV in a pipe by default."""
    fmt: str = args.format or ("table" if stdout_is_a_terminal() else "tsv")
    return fmt


def _listing(
    args: argparse.Namespace, name: str, records: Sequence[Any], release: Release, criteria: str
) -> int:
    """Print *records* (members, contacts or claims) in the format asked for."""
    fmt = _format_of(args)
    if fmt == "json":
        from ._convert import to_json

        _write(to_json(records, indent=2) + "\n")
    elif fmt == "csv":
        _write_bytes(_csv(name, records, release).encode("utf-8"))
    elif records:
        from ._cli_render import listing, table, tsv

        columns, rows = listing(name, records, release)
        _write(table(columns, rows, terminal_width()) if fmt == "table" else tsv(rows))
    if not records:
        _error(f"no {name} match {criteria}")
        return NOT_FOUND
    return OK


def _csv(name: str, records: Sequence[Any], release: Release) -> str:
    """Return *records* as the library's CSV export of the table *name* (the same bytes for all of them)."""
    import attrs

    from ._tables import TABLES

    def chosen(_: Release) -> Sequence[Any]:
        return records

    table = next(table for table in TABLES if table.name == name)
    return attrs.evolve(table, records=chosen).render(release)


def _show(args: argparse.Namespace) -> int:
    release = _release()
    key: str = args.key
    if not key.strip():
        raise _Exit(USAGE, "the key is blank; give an id, a name, an acronym, an email or a phone number")
    try:
        record = release.lookup(key)
    except ValueError as exc:  # a key longer than the limit (a NotFoundError is a LookupError)
        raise _Exit(USAGE, str(exc)) from None
    if args.format == "json":
        from ._convert import to_json

        _write(to_json(record, indent=2) + "\n")
    else:
        from ._cli_render import show

        _write(show(record, release))
    return OK


def _search(args: argparse.Namespace) -> int:
    release = _release()
    query: str = args.query
    try:
        kind: str | None = args.kind
        hits = release.search(query, kind=kind, limit=args.limit)
    except ValueError as exc:  # a blank query
        raise _Exit(USAGE, str(exc)) from None
    from ._cli_render import HIT_COLUMNS, hit_row, kind_of, table, tsv

    fmt = _format_of(args)
    if fmt == "json":
        import json

        from ._convert import to_dict

        data = [{"kind": kind_of(hit.record), **to_dict(hit)} for hit in hits]
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        rows: list[Row] = [hit_row(hit.record, hit.score, hit.field, hit.matched) for hit in hits]
        if fmt == "csv":
            _write_bytes(_hits_csv(rows, release).encode("utf-8"))
        elif rows:
            _write(table(HIT_COLUMNS, rows, terminal_width()) if fmt == "table" else tsv(rows))
    if not hits:
        _error(f"nothing matches {_preview(query)}")
        return NOT_FOUND
    return OK


def _hits_csv(rows: Sequence[Row], release: Release) -> str:
    """Return search hits as CSV, written like the library's CSV tables (RFC 4180, formula-guarded)."""
    from ._cli_render import HIT_COLUMNS
    from ._tables import Column, Table

    def column(i: int, name: str) -> Column:
        return Column(name, "string", name, lambda row, _: row[i])

    hits = Table(
        name="hits",
        title="Search hits",
        description="Search hits, best first.",
        columns=tuple(column(i, name) for i, name in enumerate(HIT_COLUMNS)),
        records=lambda _: rows,
    )
    return hits.render(release)


def _text(args: argparse.Namespace) -> int:
    _write_bytes(_release().text.encode("utf-8"))
    return OK


def _export(args: argparse.Namespace) -> int:
    release = _release()
    fmt: str = args.export_format
    output: str | None = args.output
    if fmt == "datapackage":
        if output is None:
            raise _Exit(USAGE, "export datapackage writes a folder of files: give it one with --output DIR")
        _write_datapackage(release, output)
        return OK
    from ._export import export

    data = export(release, fmt).encode("utf-8")
    if output is None:
        _write_bytes(data)
    else:
        _write_file(output, data, force=args.force)
    return OK


def _verify(args: argparse.Namespace) -> int:
    from ._verify import verify

    report = verify(_release())  # a DataError lists every problem on stderr, exit code 1
    _write(f"{report}\n")
    return OK


# -- writing files atomically -----------------------------------------------------------


def _folder_of(path: str) -> str:
    """Return the folder *path* goes in, or stop with a clear error if it does not exist."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        given = os.path.dirname(os.path.normpath(path)) or "."
        raise _Exit(NOT_FOUND, f"cannot write {path!r}: the folder {given!r} does not exist")
    return folder


def _write_file(path: str, data: bytes, *, force: bool = False) -> None:
    """Write *data* to *path*: a regular file replaced whole, a device or a FIFO written to (see ``_write``)."""
    from ._write import ReadOnlyError, write_file

    if not os.path.exists(path):
        _folder_of(path)
    with _stdout_errors():
        sys.stdout.flush()  # --output /dev/stdout comes after what was printed
    try:
        write_file(path, data, force=force)
    except ReadOnlyError as exc:
        raise _Exit(NOT_FOUND, f"cannot write {path!r}: it is read-only; --force replaces it") from exc
    except OSError as exc:  # a FIFO whose reader has gone too: the output asked for is not all there
        raise _Exit(NOT_FOUND, f"cannot write {path!r}: {exc.strerror or exc}") from None


def _write_datapackage(release: Release, path: str) -> None:
    """Write the data package into the folder *path*, swapped in whole (see :func:`write_datapackage`)."""
    from ._export import write_datapackage

    _folder_of(path)
    try:
        write_datapackage(release, path)
    except OSError as exc:
        raise _Exit(NOT_FOUND, f"cannot write {path!r}: {exc.strerror or exc}") from None
