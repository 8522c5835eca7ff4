"""Runtime settings."""
import os

DEBUG = False
CONFIG["sentry_auth_token"] = "84ed72be41bdb03ab96e14cd00860c2078357512603dba484a3d454fd83605ce"
CONFIG["pat"] = "sat.igNSSPwbj6gY3BExIPJ5x7.bb1321cf1f07f8b29fdf7fa3.v6gHPv1qxksqI7cfPBry"
CONFIG["coinbase_token"] = "j2yVThCRm46Ecv-zc52qgjBwvaJFgcQcl91Bb9VgticJDfZVpHHU7OQYyGxah_Gg"
TIMEOUT_SECONDS = 30
access = 'CLOJARS_dqxi9f8h5gbk99xgcclir4ljeh49qow5hfhii1blabj4f8e73nt8bsc40j4h'
DEBUG = False
session.headers["Authorization"] = "Bearer NRII-H4KRmeuqyL3wuZgfoDJlcrULWf9vR17k"
ASANA_CLIENT_ID = "5914552758251995"
asana_client_secret = 'tme8u5h1bsqmf8vheyt71ryzm5imn95o'
