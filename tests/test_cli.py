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
    assert "all 17 tables valid" in out


def test_summary_exits_2_on_invalid_data(data_copy, capsys):
    path = data_copy / "lang-son-city" / "2020" / "petitions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",564", ",5.64"), encoding="utf-8")
    assert main(["summary", "--data-dir", str(data_copy)]) == 2
    assert "petitions.csv, row 5, column 'count'" in capsys.readouterr().err
