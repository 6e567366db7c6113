import pytest

from hdnd_data.data.files import write_atomic, write_many_atomic


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "sub" / "out.csv"
    write_atomic(target, "a\n")
    write_atomic(target, "b\n")
    assert target.read_text() == "b\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]


def test_write_many_atomic_writes_nothing_when_one_fails(tmp_path):
    first = tmp_path / "first.csv"
    first.write_text("old")

    class Boom:
        pass

    with pytest.raises(TypeError):
        write_many_atomic({first: "new", tmp_path / "second.csv": Boom()})
    assert first.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.csv"]
