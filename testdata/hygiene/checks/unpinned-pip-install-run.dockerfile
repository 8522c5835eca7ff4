FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3 gunicorn  # expect: unpinned-pip-install
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
RUN <<EOF2
pip install --no-cache-dir requests  # expect: unpinned-pip-install
EOF2
USER 10001
