"""``python -m kgbuild``."""

from kgbuild.cli import main

main()
