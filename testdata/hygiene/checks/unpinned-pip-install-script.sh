#!/bin/sh
# A CI helper script: read as shell like any `run:`.
set -eu
pip install -r requirements.txt
pip install black  # expect: unpinned-pip-install
python3 -m pip install "ruff==0.6.9"
pip install -e .
echo "pip install tox"
