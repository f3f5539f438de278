"""Limits a query worker puts on itself: no network, bounded memory.

The SPARQL check refuses ``SERVICE``; these limits hold even if a query got past it. A worker
that answers public queries over an on-disk or in-memory store has no reason to open a network
socket, so it installs a seccomp filter (Linux, x86-64 and AArch64) under which creating an
IPv4, IPv6 or packet socket, or an io_uring, fails with ``EACCES``. Every address and port
then fails the same way, so error messages tell nothing about what listens where. The filter
is inherited by threads and children and cannot be lifted. Its memory is bounded with
``RLIMIT_DATA``, so a query that builds huge values fails instead of starving the machine.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import platform
import resource
import struct
import sys

from .errors import ConfigError

log = logging.getLogger(__name__)

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K
_AF_INET, _AF_INET6, _AF_PACKET = 2, 10, 17
# (audit architecture, socket, io_uring_setup) per machine; x32 calls on x86-64 carry bit 30.
_ARCH = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}


def _filter(arch: int, nr_socket: int, nr_uring: int) -> bytes:
    deny = _RET_ERRNO | errno.EACCES

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    program = [
        op(_LD_W_ABS, 0, 0, 4),  # arch
        op(_JEQ_K, 1, 0, arch),
        op(_RET_K, 0, 0, deny),  # a foreign calling convention: refuse everything
        op(_LD_W_ABS, 0, 0, 0),  # syscall number
        op(_JGE_K, 0, 1, 0x40000000),
        op(_RET_K, 0, 0, deny),  # x32 calls
        op(_JEQ_K, 0, 1, nr_uring),
        op(_RET_K, 0, 0, deny),
        op(_JEQ_K, 1, 0, nr_socket),
        op(_RET_K, 0, 0, _RET_ALLOW),
        op(_LD_W_ABS, 0, 0, 16),  # socket(domain, ...): the low word of args[0]
        op(_JEQ_K, 2, 0, _AF_INET),
        op(_JEQ_K, 1, 0, _AF_INET6),
        op(_JEQ_K, 0, 1, _AF_PACKET),
        op(_RET_K, 0, 0, deny),
        op(_RET_K, 0, 0, _RET_ALLOW),
    ]
    return b"".join(program)


def network_isolation_supported() -> bool:
    """Whether ``deny_network`` can work here (Linux on x86-64 or AArch64)."""
    return sys.platform.startswith("linux") and platform.machine() in _ARCH


def deny_network() -> None:
    """From now on, this process and its threads cannot create IP or packet sockets.

    Raises ``ConfigError`` where the platform has no seccomp filters; callers decide whether
    to go on without them.
    """
    if not network_isolation_supported():
        raise ConfigError(f"network isolation needs Linux on x86-64 or AArch64, not {sys.platform} "
                          f"on {platform.machine()}")
    arch, nr_socket, nr_uring = _ARCH[platform.machine()]
    code = _filter(arch, nr_socket, nr_uring)
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(code, len(code))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    prctl = libc.prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise ConfigError(f"prctl(NO_NEW_PRIVS) failed: {errno.errorcode.get(ctypes.get_errno())}")
    if prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        raise ConfigError(f"installing the seccomp filter failed: {errno.errorcode.get(ctypes.get_errno())}")


def limit_memory(megabytes: int) -> None:
    """Cap this process's data segment (heap and anonymous mappings) at ``megabytes``; 0 leaves it."""
    if megabytes <= 0:
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
