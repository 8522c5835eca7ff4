FROM python:3.12-slim
RUN curl -fsSL https://example.com/install.sh | sh  # expect: dockerfile-curl-pipe-sh
RUN set -e; wget -qO- https://example.com/get | sudo bash -s -- --yes  # expect: dockerfile-curl-pipe-sh
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh
RUN curl -s https://example.com/data.json | jq .version
USER 10001
