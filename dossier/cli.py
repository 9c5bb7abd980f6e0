"""The command line: `build` (the default), `serve` and `normalise`. Parses options, runs the pipeline,
prints problems as `path:line: severity: message` and a summary. No traceback for content errors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from rich.console import Console

from .console import report, shown_path
from .model import Problem, default_paths
from .write import OutputError

COMMANDS = ("build", "serve", "check", "normalise", "suggest")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", description="dossier: turn a folder of collected articles into a documentary website.",
        epilog="With no command, `build` runs.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="build the site from content/ into output/",
                                description="Build the site from content/ into output/ (replaced atomically).")
    _add_folders(build)
    build.add_argument("--timings", action="store_true", help="print the seconds spent in each stage")
    build.add_argument("--no-cache", action="store_true", help="normalise and analyse every article again, "
                       "ignoring .cache/ (a cold build)")
    build.add_argument("--no-search", action="store_true", help="skip the search index (faster; search will "
                       "not work)")
    build.add_argument("--strict", action="store_true", help="also check every internal link; exit 1 and write "
                       "nothing if any problem is an error")
    check = commands.add_parser("check", help="report every problem (content, registry, templates, links) and "
                                "exit 1 if any is an error", description="Build the site in memory, check every "
                                "internal link, list every problem with file and line, and exit 1 if any is an "
                                "error. Writes nothing. CI runs it.")
    check.add_argument("--content", type=Path, help="content folder (default: ./content)")
    serve = commands.add_parser("serve", help="build, serve output/ locally and rebuild on every change",
                                description="Build, serve output/ on 127.0.0.1 and rebuild and reload the "
                                "browser whenever content/, templates/ or site_src/ change.")
    _add_folders(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    normalise = commands.add_parser("normalise", help="show each article as clean Markdown with front matter",
                                    description="Print each article (or the FILES given) as dossier normalises "
                                    "it: YAML front matter plus a clean Markdown body. With --write, save it so: "
                                    "x.txt becomes x.md and the collected file is kept in content/originals/.")
    normalise.add_argument("--content", type=Path, help="content folder (default: ./content)")
    normalise.add_argument("--write", action="store_true",
                           help="save each article as Markdown with front matter (x.txt becomes x.md; the "
                           "collected file is kept in content/originals/)")
    normalise.add_argument("files", nargs="*", type=Path, metavar="FILE", help="articles to show (default: all)")
    suggest = commands.add_parser("suggest", help="list names that look like people or organisations but are "
                                  "not in the registry", description="List names that look like people or "
                                  "organisations but are not in the registry, most articles first, each with an "
                                  "example sentence and a guessed kind; then the registered names and aliases no "
                                  "article uses. With --yaml, print registry entries ready to paste.")
    suggest.add_argument("--content", type=Path, help="content folder (default: ./content)")
    suggest.add_argument("--yaml", action="store_true", help="print registry entries to paste instead of a table")
    suggest.add_argument("--limit", type=int, default=50, help="how many names at most (default: 50)")
    return parser


def _add_folders(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, help="content folder (default: ./content)")
    parser.add_argument("--output", type=Path, help="output folder (default: ./output)")


def main(argv: list[str] | None = None, project: Path | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "build")  # `build.py --output x` means `build.py build --output x`
    args = make_parser().parse_args(argv)
    console = Console(stderr=True, highlight=False, soft_wrap=True)

    paths = default_paths(getattr(args, "content", None), getattr(args, "output", None), project)
    try:
        if args.command == "serve":
            from .serve import serve

            return serve(paths, args.host, args.port, console)
        if args.command == "suggest":
            return suggest_command(paths, args.yaml, args.limit, console)
        if args.command == "normalise":
            return normalise_command(paths, args.files, args.write, console)
        if args.command == "check":
            return check_command(paths, console)
        return build_command(paths, console, getattr(args, "timings", False), getattr(args, "strict", False),
                             not getattr(args, "no_search", False), not getattr(args, "no_cache", False))
    except OutputError as exc:
        console.print(f"error: {exc}", markup=False)
        return 1
    except KeyboardInterrupt:
        return 130


def run(argv: list[str] | None = None, project: Path | None = None) -> None:
    """`main`, then exit at once: by then everything is written and closed, and the interpreter's
    teardown would free the whole corpus object by object, for seconds on a large site."""
    code = main(argv, project)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def build_command(paths, console: Console, timings: bool = False, strict: bool = False, search: bool = True,
                  cache: bool = True) -> int:
    from .scan import up_to_date

    started = time.perf_counter()
    last, scanned = up_to_date(paths, search) if cache and not strict and paths.output.is_dir() else (None, None)
    if last:  # known before the rest of dossier is even imported
        report(last.problems, console)
        return _unchanged(paths, len(last.outputs), last.summary, started, console)
    from .pipeline import build_site

    result = build_site(paths, strict=strict, search=search, cache=cache, scanned=scanned)
    report(result.problems, console)
    if not result.ok or (strict and result.errors):
        console.print("build failed: nothing was written; fix the errors above.", markup=False)
        return 1
    if result.unchanged:
        return _unchanged(paths, len(result.outputs), result.unchanged, started, console)
    corpus = result.corpus
    if timings:
        for stage, seconds in result.timings.items():
            console.print(f"  {stage}: {seconds:.3f} s", markup=False)
    made, total = len(result.made), len(result.outputs)
    what = f"built {total} files" if made == total else f"updated {made} of {total} files (the rest are unchanged)"
    console.print(f"{what} in {paths.output} from {len(corpus.articles)} articles and "
                  f"{len(corpus.entities)} entities in {time.perf_counter() - started:.2f} s", markup=False)
    return 0


def _unchanged(paths, files: int, summary: str, started: float, console: Console) -> int:
    console.print(f"nothing changed since the last build: {paths.output} is up to date ({files} files from "
                  f"{summary}; {time.perf_counter() - started:.2f} s)", markup=False)
    return 0


def check_command(paths, console: Console) -> int:
    from .pipeline import build

    result = build(paths, strict=True)
    report(result.problems, console)
    if not result.ok or result.errors:
        console.print("check failed: fix the errors above.", markup=False)
        return 1
    console.print(f"check passed: {len(result.made)} files, every internal link leads somewhere.", markup=False)
    return 0


def normalise_command(paths, files: list[Path], write: bool, console: Console) -> int:
    from .boilerplate import load_rules
    from .editing import EditError, write_normalised
    from .config import load_site_config
    from .frontmatter import to_markdown
    from .normalise import normalise_article
    from .readers import read_article

    site, problems = load_site_config(paths.content)
    if site is None:
        report(problems, console)
        return 1
    rules, rule_problems = load_rules(paths.content)
    problems += rule_problems
    folder = paths.content / "articles"
    targets = files or sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    for path in targets:
        relative = path.name if folder.resolve() not in path.resolve().parents else \
            path.resolve().relative_to(folder.resolve()).as_posix()
        document, read_problems = read_article(path, relative, site.max_article_kb * 1000)
        problems += read_problems
        if document is None:
            continue
        article, normalise_problems = normalise_article(document, site, rules, str(path))
        problems += normalise_problems
        if not write:  # stdout is exactly what --write would save: `normalise FILE > FILE.md` works
            if len(targets) > 1:
                sys.stderr.write(f"== {path}\n")  # which file each article came from, beside the Markdown
            sys.stdout.write(to_markdown(article) + ("\n" if len(targets) > 1 else ""))
            continue
        try:
            changed = write_normalised(path, article, paths.content)
        except EditError as exc:
            problems.append(Problem(str(path), str(exc), severity="error"))
            continue
        console.print(f"{'wrote' if changed else 'unchanged'}: {shown_path(str(path.with_suffix('.md')))}", markup=False)
    report(problems, console)
    return 1 if any(p.severity == "error" for p in problems) else 0


def suggest_command(paths, yaml: bool, limit: int, console: Console) -> int:
    from .pipeline import gather
    from .suggest import as_yaml, suggest, unmatched_forms

    corpus, problems = gather(paths)
    if corpus is None:
        report(problems, console)
        return 1
    found = suggest(corpus)[:limit]
    if yaml:
        sys.stdout.write(as_yaml(found))
        return 0
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"{len(found)} {'name' if len(found) == 1 else 'names'} not in the registry (articles, guessed kind, "
              "cues, example):", markup=False)
    for item in found:
        aliases = f" (also: {', '.join(sorted(item.aliases))})" if item.aliases else ""
        out.print(f"{len(item.articles):>4}  {item.kind:<12} {item.name}{aliases}  [{', '.join(sorted(item.cues))}]\n"
                  f"      {item.example_article}: {item.example}", markup=False)
    unmatched = unmatched_forms(corpus)
    out.print(f"\nRegistered names and aliases that no article uses ({len(unmatched)} "
              f"{'entity' if len(unmatched) == 1 else 'entities'}; the entity may still be named by another of "
              "its names):", markup=False)
    for entity, forms in unmatched:
        out.print(f"      {entity}: {', '.join(forms)}", markup=False)
    return 0
