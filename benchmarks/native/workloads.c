/*
 * The C baseline of the workload suite: the same system calls the .NET runners make, timed in-process.
 * Usage: workloads WORKLOAD ITERATIONS   (prints the mean nanoseconds per operation)
 * An idle second thread runs for the whole measurement, as every .NET process has one.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void fail(const char *what) { perror(what); exit(2); }

/* The timed span: the whole workload unless it marks its loop, to leave its set-up and tear-down out. */
static double loop_start, loop_end;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void *idle_thread(void *arg) {
    (void)arg;
    for (;;) pause();
    return NULL;
}

static int listener(struct sockaddr_in *bound) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail("socket");
    memset(bound, 0, sizeof *bound);
    bound->sin_family = AF_INET;
    bound->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof *bound;
    if (bind(fd, (struct sockaddr *)bound, len) != 0 || listen(fd, SOMAXCONN) != 0) fail("bind/listen");
    if (getsockname(fd, (struct sockaddr *)bound, &len) != 0) fail("getsockname");
    return fd;
}

static void connected_pair(int *a, int *b) {
    struct sockaddr_in address;
    int l = listener(&address);
    *a = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (connect(*a, (struct sockaddr *)&address, sizeof address) != 0) fail("connect");
    *b = accept4(l, NULL, NULL, SOCK_CLOEXEC);
    if (*b < 0) fail("accept");
    int one = 1;
    setsockopt(*a, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(*b, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    close(l);
}

static void w1(long n) {
    for (long i = 0; i < n; i++) {
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) fail("socket");
        close(fd);
    }
}

static void w2(long n) {
    struct sockaddr_in address;
    int l = listener(&address);
    for (long i = 0; i < n; i++) {
        int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (connect(c, (struct sockaddr *)&address, sizeof address) != 0) fail("connect");
        struct sockaddr_storage peer;
        socklen_t len = sizeof peer;
        int s = accept4(l, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
        if (s < 0) fail("accept");
        close(s);
        close(c);
    }
    close(l);
}

static void w3(long n) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    for (long i = 0; i < n; i++) {
        int value = (int)(i & 1), read = 0;
        socklen_t len = sizeof read;
        if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &value, sizeof value) != 0) fail("setsockopt");
        if (getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &read, &len) != 0) fail("getsockopt");
    }
    close(fd);
}

static void w4(long n) {
    struct addrinfo hints = {0};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    for (long i = 0; i < n; i++) {
        struct addrinfo *result;
        if (getaddrinfo("127.0.0.1", "80", &hints, &result) != 0) fail("getaddrinfo");
        freeaddrinfo(result);
    }
}

static void w5(long n) {
    for (long i = 0; i < n; i++) {
        struct servent entry, *found;
        char buffer[1024];
        if (getservbyname_r("http", "tcp", &entry, buffer, sizeof buffer, &found) != 0 || found == NULL) fail("getservbyname_r");
    }
}

static void w6(long n, int count) {
    /* count sockets, one of them readable: a pair whose far end has sent a byte. */
    struct pollfd *fds = calloc((size_t)count, sizeof *fds);
    int a, b;
    connected_pair(&a, &b);
    if (send(a, "x", 1, 0) != 1) fail("send");
    fds[0].fd = b;
    for (int i = 1; i < count; i++) fds[i].fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    loop_start = now_ns();
    for (long i = 0; i < n; i++) {
        for (int k = 0; k < count; k++) { fds[k].events = POLLIN; fds[k].revents = 0; }
        if (poll(fds, (nfds_t)count, 0) != 1) fail("poll");
    }
    loop_end = now_ns();
    for (int i = 1; i < count; i++) close(fds[i].fd);
    close(a);
    close(b);
    free(fds);
}

static void w8(long n, int count) {
    /* count idle sockets and one readable, all registered with epoll once; each wait finds the one. */
    int *idle = calloc((size_t)count, sizeof *idle);
    int a, b;
    connected_pair(&a, &b);
    if (send(a, "x", 1, 0) != 1) fail("send");
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0) fail("epoll_create1");
    struct epoll_event e = {.events = EPOLLIN, .data.fd = b};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, b, &e) != 0) fail("epoll_ctl");
    for (int i = 0; i < count; i++) {
        idle[i] = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        e.data.fd = idle[i];
        if (idle[i] < 0 || epoll_ctl(epoll, EPOLL_CTL_ADD, idle[i], &e) != 0) fail("socket/epoll_ctl");
    }
    struct epoll_event ready[64];
    loop_start = now_ns();
    for (long i = 0; i < n; i++) {
        if (epoll_wait(epoll, ready, 64, 0) != 1) fail("epoll_wait");
    }
    loop_end = now_ns();
    for (int i = 0; i < count; i++) close(idle[i]);
    close(epoll);
    close(a);
    close(b);
    free(idle);
}

static void w7(long n) {
    int a, b;
    char message[64] = {0}, buffer[64];
    connected_pair(&a, &b);
    for (long i = 0; i < n; i++) {
        if (send(a, message, sizeof message, MSG_NOSIGNAL) != 64) fail("send");
        if (recv(b, buffer, sizeof buffer, MSG_WAITALL) != 64) fail("recv");
        if (send(b, buffer, sizeof buffer, MSG_NOSIGNAL) != 64) fail("send");
        if (recv(a, message, sizeof message, MSG_WAITALL) != 64) fail("recv");
    }
    close(a);
    close(b);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s W1|W2|W3|W4|W5|W6-COUNT|W7|W8-IDLE ITERATIONS\n", argv[0]);
        return 1;
    }
    long n = atol(argv[2]);
    pthread_t idle;
    pthread_create(&idle, NULL, idle_thread, NULL);
    const char *w = argv[1];
    loop_start = now_ns();
    if (!strcmp(w, "W1")) w1(n);
    else if (!strcmp(w, "W2")) w2(n);
    else if (!strcmp(w, "W3")) w3(n);
    else if (!strcmp(w, "W4")) w4(n);
    else if (!strcmp(w, "W5")) w5(n);
    else if (!strncmp(w, "W6-", 3) && atoi(w + 3) > 0) w6(n, atoi(w + 3));
    else if (!strcmp(w, "W7")) w7(n);
    else if (!strncmp(w, "W8-", 3) && atoi(w + 3) > 0) w8(n, atoi(w + 3));
    else { fprintf(stderr, "unknown workload %s\n", w); return 1; }
    if (loop_end == 0) loop_end = now_ns();
    printf("%.1f\n", (loop_end - loop_start) / (double)n);
    return 0;
}
