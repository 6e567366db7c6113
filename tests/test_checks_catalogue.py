"""The catalogue of rules: every rule driven through its own passing, failing (and warning) examples, in both
languages; entries that name real tables, columns and labels; a house whose modules stay small and acyclic.
"""

from __future__ import annotations

import ast
import string
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.checks.catalogue import RULES, CatalogueError, example_frames, load_rules
from hdnd_data.data.loader import TABLES, validate_frames
from hdnd_data.labels import TERMS

CHECKS = Path(hd.__file__).parent / "checks"
CASES = [(rule, i) for rule in RULES for i in range(len(rule.examples))]


def test_every_rule_has_a_passing_and_a_violating_example():
    lacking = []
    for rule in RULES:
        statuses = [e["status"] for e in rule.examples]
        # a warn-severity rule never fails: its violation is a warning
        violation = "warn" if rule.severity == "warn" else "fail"
        if "pass" not in statuses or not ({violation, "warn"} & set(statuses)):
            lacking.append(rule.id)
    assert lacking == []


@pytest.mark.parametrize("rule, i", CASES, ids=[f"{rule.id}-{rule.examples[i]['status']}{i}" for rule, i in CASES])
def test_rule_gives_its_example_status(rule, i):
    expected, frames = example_frames(rule)[i]
    frames = validate_frames(frames, origin_name="<example>")
    for lang in ("vi", "en"):
        results = hd.run_checks(frames=frames, rules=[rule], lang=lang, validated=True)
        assert len(results), f"{rule.id}: the example yields no result"
        assert set(results["status"]) == {expected}, results[["status", "message"]].to_string()
        assert results["message"].map(lambda m: isinstance(m, str) and len(m) > 10).all()
        assert "{" not in "".join(results["message"]), "a placeholder left unfilled"
        tables = {k.split("[")[0] for keys in results["keys"] for k in keys.split("; ")}
        assert tables <= set(TABLES) and tables & set(rule.tables), results["keys"].tolist()


def test_examples_touch_only_the_tables_a_rule_reads():
    for rule in RULES:
        for _, frames in example_frames(rule):
            assert set(frames) <= set(rule.tables), rule.id


def test_entries_name_real_tables_columns_and_labels():
    for rule in RULES:
        assert set(rule.tables) <= set(TABLES), rule.id
        known = {c for t in rule.tables for c in TABLES[t].columns}
        assert set(rule.fields) <= known, (rule.id, set(rule.fields) - known)
        assert f"rule.{rule.id}" in TERMS and rule.description("vi") != rule.description("en")
        for key in rule.evaluate.keywords["messages"].values():
            assert key in TERMS, (rule.id, key)


def test_sentences_of_a_kind_use_the_same_placeholders_in_both_languages():
    fields = {key: [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in pair] for key, pair in TERMS.items()}
    differ = [key for key, (vi, en) in fields.items() if key.startswith("check.") and vi != en]
    # the Vietnamese sentence of a session's length reads the printed texts, the English one the numbers; the
    # English sum over categories does not name them
    assert sorted(differ) == ["check.group_sum.fail", "check.group_sum.pass", "check.session_days.fail", "check.session_days.pass"]


def test_a_bad_catalogue_is_refused_with_every_problem():
    text = """
- {id: a.one, kind: row_sum, severity: fatal, tables: [sessions], fields: []}
- {id: a.one, kind: no_such_kind, severity: fail, tables: [sessions]}
"""
    with pytest.raises(CatalogueError) as err:
        load_rules(text)
    message = str(err.value)
    for part in ["entry 1 (a.one): severity must be fail or warn", "entry 2 (a.one): missing fields",
                 "unknown kind 'no_such_kind'", "entry 2 (a.one): duplicate id"]:
        assert part in message


def test_a_catalogue_entry_is_a_rule():
    text = """
- id: my.referrals
  kind: row_sum
  severity: fail
  tables: [voter_contact]
  fields: [to_province, to_city, consolidated]
  parameters: {table: voter_contact, parts: [to_province, to_city], total: consolidated, instance: round}
  messages: {parts: word.voter.to_province_to_city, total: word.voter.consolidated}
"""
    (rule,) = load_rules(text)
    frames = {"voter_contact": hd.load("voter_contact", year=2020)}
    results = hd.run_checks(frames=frames, rules=[rule], lang="en")
    # the 2020 report's rounds: 1 + 4 = 5, 6 + 26 = 32, 1 + 19 = 20 recommendations sent on
    assert results["computed"].tolist() == [5.0, 32.0, 20.0]
    assert results["message"].iloc[0].startswith("Voter-contact round after session 11: to the province + to the city = 1 + 4 = 5")


def test_every_module_says_what_it_is_for():
    package = Path(hd.__file__).parent
    silent = [str(p.relative_to(package)) for p in package.rglob("*.py")
              if not (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "").strip()]
    assert silent == []


def test_modules_stay_small():
    package = Path(hd.__file__).parent
    sizes = {str(p.relative_to(package)): len(p.read_text(encoding="utf-8").splitlines()) for p in package.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 600} == {}


@pytest.mark.parametrize(
    "module, never",
    [
        ("hdnd_data.checks.kinds", "hdnd_data.checks.engine"),
        ("hdnd_data.checks.catalogue", "hdnd_data.checks.engine"),
        ("hdnd_data.report.sections", "hdnd_data.runs.audit"),
        ("hdnd_data.labels", "hdnd_data.checks.finding"),
        # the runners stand on top: only the command imports them
        ("hdnd_data.checks.engine", "hdnd_data.runs"),
        ("hdnd_data.report.sections", "hdnd_data.runs"),
        ("hdnd_data.report.document", "hdnd_data.runs"),
    ],
)
def test_dependencies_run_one_way(module, never):
    code = f"import sys, {module}; print({never!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(hd.__file__).parents[1])
    assert out.stdout.strip() == "False"


def test_keys_name_the_figures_read():
    r = hd.run_checks(unit="lang-son-city", year=2020)
    rate = r[r["rule_id"] == "petition.settlement_rate"].iloc[0]
    assert rate["keys"] == (
        "petition_indicators[recipient=people_committee,indicator=settlement_rate]; "
        "petitions[recipient=people_committee,petition_type=all,status=settled]; "
        "petitions[recipient=people_committee,petition_type=all,status=received]"
    )
    en = hd.run_checks(unit="lang-son-city", year=2020, lang="en")
    assert en["keys"].tolist() == r["keys"].tolist()
    # one result per rule and figures: the keys tell the results of a rule apart
    assert not r.duplicated(["rule_id", "keys"]).any()
    assert pd.Series(r["keys"]).str.len().min() > 0


def _imports_of_package() -> dict[str, set[str]]:
    """Module -> the hdnd_data modules it imports anywhere in its body (function-level imports included)."""
    import ast

    root = Path(hd.__file__).parent
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for module, path in names.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hdnd_data"):
                for alias in node.names:  # `from hdnd_data.report import plots` imports a module
                    found.add(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in names else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("hdnd_data")}
        graph[module] = {m for m in found if m in names and m != module}
    return graph


def test_no_circle_of_imports_in_the_package():
    graph = _imports_of_package()
    # the package's face (hdnd_data/__init__.py) hands names on lazily and is imported by nobody inside
    assert not any("hdnd_data" in deps for m, deps in graph.items() if m != "hdnd_data")
    graph.pop("hdnd_data")
    state: dict[str, int] = {}
    circles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                circles.append(path[path.index(dep):] + [dep] if dep in path else [module, dep])
            elif dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_labels_stand_at_the_bottom():
    graph = _imports_of_package()
    labels = {m: deps for m, deps in graph.items() if m.startswith("hdnd_data.labels")}
    assert all(dep.startswith("hdnd_data.labels") for deps in labels.values() for dep in deps), labels
