from __future__ import annotations

from pathlib import Path

import pytest

from nlp_pipeline.evaluation import shared_dir as _shared_dir


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (CI has it too): seeds, Ahjo corpus, guides."""
    return _shared_dir()


@pytest.fixture(scope="session")
def seeds(shared_dir) -> dict[str, Path]:
    return {
        "281": shared_dir / "seeds" / "kantahame-aluehallitus-2025-09-08-asia281.txt",
        "36": shared_dir / "seeds" / "kantahame-integraatiovaliokunta-2026-05-28-p36.txt",
    }


@pytest.fixture(scope="session")
def ahjo_dir(shared_dir) -> Path:
    return shared_dir / "corpus" / "helsinki-ahjo"
