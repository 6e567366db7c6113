import subprocess
import sys

from hdnd_data.cli import main


def test_help_lists_subcommands():
    out = subprocess.run([sys.executable, "-m", "hdnd_data.cli", "--help"], capture_output=True, text=True, check=True).stdout
    assert "summary" in out and "tables" in out


def test_summary_validates_everything(capsys):
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "lang-son-city    2020  voter_contact                    4" in out
    import hdnd_data as hd

    assert f"all {len(hd.TABLES)} tables valid" in out


def test_summary_exits_2_on_invalid_data(data_copy, capsys):
    path = data_copy / "lang-son-city" / "2020" / "petitions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",564", ",5.64"), encoding="utf-8")
    assert main(["summary", "--data-dir", str(data_copy)]) == 2
    assert "petitions.csv, dòng 5, cột 'count'" in capsys.readouterr().err


def test_check_exits_0_and_lists_the_warnings(capsys):
    assert main(["check", "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert "[warn] lang-son-city 2020 budget.implied_base_agree (I.3.2)" in out
    # the summary line counts what was listed above it: no failure, one warning per [warn] block
    summary = [line.split() for line in out.splitlines() if line.startswith("lang-son-city  2020")][-1]
    passes, fails, warns, checks = map(int, summary[2:6])
    assert fails == 0 and warns == out.count("[warn] lang-son-city 2020") and passes + warns == checks


def test_check_csv_has_a_header_and_one_line_per_check():
    import csv
    import io
    import os
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    run = subprocess.run([sys.executable, "-m", "hdnd_data.cli", "check", "--year", "2023", "--format", "csv", "--lang", "en"],
                         capture_output=True, text=True, cwd=repo, env=env)
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert list(rows[0])[:5] == ["rule_id", "kind", "unit", "year", "status"]
    import hdnd_data as hd

    assert len(rows) == len(hd.run_checks(year=2023)) and rows[-1]["keys"]
    weighted = next(r for r in rows if r["rule_id"] == "economy.growth_weighted_by_structure")
    assert weighted["status"] == "warn" and weighted["message"].startswith("Overall growth 10.15%")  # English numbers in English


def test_check_json_is_a_list_of_records(capsys):
    import json

    assert main(["check", "--year", "2020", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    rate = next(r for r in records if r["rule_id"] == "petition.settlement_rate")
    assert rate["computed_text"] == "550/564 = 97,52%" and rate["stated"] == 97.5


def test_check_exits_1_when_a_check_fails(data_copy, capsys):
    path = data_copy / "lang-son-city" / "2020" / "petitions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("proposal,received,510", "proposal,received,511"), encoding="utf-8")
    assert main(["check", "--year", "2020", "--data-dir", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "[fail] lang-son-city 2020 petition.types_sum_to_all (I.4.3)" in out and "49 + 5 + 511 = 565" in out


def test_check_exits_2_on_invalid_data(data_copy, capsys):
    path = data_copy / "lang-son-city" / "2020" / "sessions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2020-07-29", "29/07/2020"), encoding="utf-8")
    assert main(["check", "--all-units", "--data-dir", str(data_copy)]) == 2
    assert "sessions.csv, dòng 4, cột 'end_date'" in capsys.readouterr().err
