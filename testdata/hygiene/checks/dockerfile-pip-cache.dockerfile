FROM python:3.12-slim AS a
RUN pip install --no-cache-dir -r requirements.txt
RUN pip3 install -r requirements.txt  # expect: dockerfile-pip-cache
# expect-next: dockerfile-pip-cache
RUN python -m pip install \
    -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt

FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt
USER 10001
