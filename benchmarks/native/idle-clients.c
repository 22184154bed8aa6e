/*
 * Workload W9's idle load: opens COUNT keep-alive connections to 127.0.0.1:PORT, sends nothing, and holds
 * them until standard input closes (or SIGTERM), so a server carries COUNT idle connections beside the
 * measured ones. Their client ends live in this process: a process may hold only so many descriptors.
 * Usage: idle-clients PORT COUNT     (prints "holding COUNT" once every connection is established)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: idle-clients PORT COUNT\n"); return 2; }
    int count = atoi(argv[2]);
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int *fds = calloc((size_t)count, sizeof *fds);
    if (!fds) { perror("calloc"); return 2; }
    for (int i = 0; i < count; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fds[i] < 0) { perror("socket"); return 2; }
        if (connect(fds[i], (struct sockaddr *)&address, sizeof address) != 0) {
            fprintf(stderr, "connect %d of %d: %s\n", i + 1, count, strerror(errno));
            return 2;
        }
    }
    printf("holding %d\n", count);
    fflush(stdout);
    char byte;
    while (read(0, &byte, 1) > 0) { }
    for (int i = 0; i < count; i++) close(fds[i]);
    return 0;
}
