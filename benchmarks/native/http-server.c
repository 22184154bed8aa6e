/*
 * The C baseline of workload W9: a single-threaded HTTP/1.1 keep-alive server on epoll, the same design
 * as samples/NativeSockets.HttpServer (level-triggered readiness, non-blocking accept until EAGAIN,
 * partial reads and writes, pipelined requests, "Connection: close").
 * Usage: http-server PORT     (0 picks a free port; prints "listening on 127.0.0.1:PORT")
 * On SIGTERM or SIGINT it prints "requests: N" (responses sent in full) and exits.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUFFER 16384

static const char response[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";
static const char response_close[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nConnection: close\r\n\r\nHello, World!";

struct connection {
    char in[BUFFER];
    size_t in_length;
    char out[BUFFER];
    size_t out_start, out_length;
    int closing;
    int watching_write;
};

static void fail(const char *what) { perror(what); exit(2); }

/* Connections are looked up by descriptor: a C server owns its descriptor numbers. */
static struct connection **connections;
static size_t capacity;
static unsigned long long requests;

static struct connection *connection_for(int fd) {
    if ((size_t)fd >= capacity) {
        size_t grown = capacity ? capacity : 1024;
        while (grown <= (size_t)fd) grown *= 2;
        connections = realloc(connections, grown * sizeof *connections);
        if (!connections) fail("realloc");
        memset(connections + capacity, 0, (grown - capacity) * sizeof *connections);
        capacity = grown;
    }
    if (!connections[fd]) {
        connections[fd] = calloc(1, sizeof **connections);
        if (!connections[fd]) fail("calloc");
    }
    return connections[fd];
}

static void drop(int epoll, int fd) {
    epoll_ctl(epoll, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    free(connections[fd]);
    connections[fd] = NULL;
}

/* Whether the header block [start, end) asks to close; a header name is matched without case. */
static int asks_close(const char *start, const char *end) {
    static const char name[] = "\r\nconnection:";
    for (const char *p = start; p + sizeof name - 1 < end; p++) {
        if (strncasecmp(p, name, sizeof name - 1) == 0) {
            const char *v = p + sizeof name - 1;
            while (v < end && *v == ' ') v++;
            return end - v >= 5 && strncasecmp(v, "close", 5) == 0;
        }
    }
    return 0;
}

/* Answers the complete requests in the input, as many as the output buffer holds. */
static void answer(struct connection *c) {
    size_t used = 0;
    while (!c->closing) {
        char *head = c->in + used;
        char *end = memmem(head, c->in_length - used, "\r\n\r\n", 4);
        if (!end) break;
        int close_after = asks_close(head, end + 2);
        const char *text = close_after ? response_close : response;
        size_t length = close_after ? sizeof response_close - 1 : sizeof response - 1;
        if (c->out_start + c->out_length + length > BUFFER) {
            memmove(c->out, c->out + c->out_start, c->out_length);
            c->out_start = 0;
            if (c->out_length + length > BUFFER) break;
        }
        memcpy(c->out + c->out_start + c->out_length, text, length);
        c->out_length += length;
        requests++;
        used = (size_t)(end + 4 - c->in);
        c->closing = close_after;
    }
    memmove(c->in, c->in + used, c->in_length - used);
    c->in_length -= used;
}

/* Writes what is pending; returns -1 on a dead peer, 0 while output remains, 1 when all is written. */
static int flush(int fd, struct connection *c) {
    while (c->out_length > 0) {
        ssize_t n = send(fd, c->out + c->out_start, c->out_length, MSG_NOSIGNAL);
        if (n < 0) return errno == EAGAIN ? 0 : -1;
        c->out_start += (size_t)n;
        c->out_length -= (size_t)n;
    }
    c->out_start = 0;
    return 1;
}

static void watch(int epoll, int fd, struct connection *c, int want_write) {
    if (c->watching_write == want_write) return;
    /* Room to write is watched only while output waits: level-triggered, it would fire on every wait. */
    struct epoll_event interest = {.events = EPOLLIN | EPOLLRDHUP | (want_write ? EPOLLOUT : 0), .data.fd = fd};
    if (epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &interest) != 0) fail("epoll_ctl");
    c->watching_write = want_write;
}

static void serve(int epoll, int fd, uint32_t events) {
    struct connection *c = connections[fd];
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        while (c->in_length < BUFFER) {
            ssize_t n = recv(fd, c->in + c->in_length, BUFFER - c->in_length, 0);
            if (n > 0) { c->in_length += (size_t)n; continue; }
            if (n < 0 && errno == EAGAIN) break;
            drop(epoll, fd); /* end of stream or error */
            return;
        }
    }
    for (;;) {
        answer(c);
        int flushed = flush(fd, c);
        if (flushed < 0) { drop(epoll, fd); return; }
        if (!flushed) { watch(epoll, fd, c, 1); return; }
        if (c->closing) { shutdown(fd, SHUT_WR); drop(epoll, fd); return; }
        /* Everything written: answer what the full output buffer held back, if anything. */
        if (c->in_length == 0 || !memmem(c->in, c->in_length, "\r\n\r\n", 4)) break;
    }
    if (c->in_length == BUFFER) { drop(epoll, fd); return; } /* a request larger than the buffer */
    watch(epoll, fd, c, 0);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: http-server PORT\n"); return 2; }
    /* As the .NET runtime does at start-up: every descriptor the hard limit allows. */
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listener < 0) fail("socket");
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(listener, (struct sockaddr *)&address, length) != 0 || listen(listener, 4096) != 0) fail("bind/listen");
    if (getsockname(listener, (struct sockaddr *)&address, &length) != 0) fail("getsockname");

    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0) fail("epoll_create1");
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigprocmask(SIG_BLOCK, &stop, NULL);
    int signals = signalfd(-1, &stop, SFD_CLOEXEC | SFD_NONBLOCK);
    if (signals < 0) fail("signalfd");
    struct epoll_event e = {.events = EPOLLIN, .data.fd = listener};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &e) != 0) fail("epoll_ctl");
    e.data.fd = signals;
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, signals, &e) != 0) fail("epoll_ctl");

    printf("listening on 127.0.0.1:%d\n", ntohs(address.sin_port));
    fflush(stdout);

    struct epoll_event ready[1024];
    for (;;) {
        int n = epoll_wait(epoll, ready, 1024, -1);
        if (n < 0) { if (errno == EINTR) continue; fail("epoll_wait"); }
        for (int i = 0; i < n; i++) {
            int fd = ready[i].data.fd;
            if (fd == signals) {
                printf("requests: %llu\n", requests);
                return 0;
            }
            if (fd != listener) { serve(epoll, fd, ready[i].events); continue; }
            for (;;) {
                int client = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (client < 0) {
                    if (errno == EAGAIN || errno == ECONNABORTED) break;
                    if (errno == EMFILE || errno == ENFILE) break;
                    fail("accept4");
                }
                setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                connection_for(client);
                struct epoll_event interest = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = client};
                if (epoll_ctl(epoll, EPOLL_CTL_ADD, client, &interest) != 0) fail("epoll_ctl");
            }
        }
    }
}
