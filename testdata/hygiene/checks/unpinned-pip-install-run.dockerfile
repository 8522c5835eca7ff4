FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3 gunicorn  # expect: unpinned-pip-install
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
RUN <<EOF2
pip install --no-cache-dir requests  # expect: unpinned-pip-install
EOF2
# hadolint ignore=DL3013
RUN pip install --no-cache-dir \
    flask
RUN pip install --no-cache-dir https://github.com/org/pkg/archive/main.zip  # expect: unpinned-pip-install
USER 10001
