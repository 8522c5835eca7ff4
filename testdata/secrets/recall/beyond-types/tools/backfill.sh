#!/usr/bin/env bash
set -euo pipefail

CIVO_API_KEY="3eGMafLDAAjEu6Gvw3MPoChDC5xsr6dbF3AzaJO434tYgYMieS" ./bin/worker --once
