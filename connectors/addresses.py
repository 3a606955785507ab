"""Which IP addresses the fetcher may connect to, enforced where the connection is made.

A fetcher that follows links and redirects from the web can be pointed at the machine it runs
on (127.0.0.1, an admin port), the private network behind it (10/8, 192.168/16) or a cloud
metadata service (169.254.169.254, which hands out credentials). So by default only publicly
routable unicast addresses are reached; an operator can allow networks explicitly
(``--allow-address 10.0.0.0/8``), which is also how tests reach their 127.0.0.1 server.

The check runs on the *resolved* address, inside the connection itself (``GuardedBackend``
is httpcore's network backend): every hop of a redirect chain, every robots.txt request and
every host name is covered, and a name that resolves to a public address when checked and a
private one when connecting (DNS rebinding) cannot slip through, because the address checked
is the address connected to.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries: Iterable[str]) -> tuple[IPNetwork, ...]:
    """``["127.0.0.1", "10.0.0.0/8"]`` -> networks; ValueError naming a bad entry.

    Only addresses and CIDR networks: a host name would be resolved once here and mean
    something else later.
    """
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(
                f"cannot allow {entry!r}: give an IP address or a network such as 10.0.0.0/8"
            ) from exc
    return tuple(networks)


class AddressPolicy:
    """Public unicast addresses, plus whatever networks are explicitly allowed."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.allowed = parse_networks(allowed)

    def refusal(self, address: str) -> str | None:
        """None if ``address`` may be connected to, else what kind of address it is."""
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
        if any(ip.version == net.version and ip in net for net in self.allowed):
            return None
        if ip.is_unspecified:
            return "unspecified"  # 0.0.0.0 reaches this machine on Linux
        if ip.is_loopback:
            return "loopback"
        if ip.is_link_local:
            return "link-local"
        if ip.is_multicast:
            return "multicast"
        if ip.is_private:
            return "private"
        if not ip.is_global:
            return "not publicly routable"
        return None


class BlockedAddress(httpcore.ConnectError):
    """Every address a host resolved to is refused by the policy. ``str()`` says why."""


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's blocking backend, connecting only to addresses the policy allows.

    The host is resolved here, each address is checked, and the connection is opened to an
    allowed address literally, so no second lookup can differ from the checked one. TLS still
    verifies the certificate against the host name, which httpcore passes separately.
    """

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        allowed = [a for a in addresses if self.policy.refusal(a) is None]
        if not allowed:
            if host in addresses:  # an IP literal
                what = _describe(host, self.policy.refusal(host))
            else:
                what = f"{host} resolves to " + ", ".join(
                    _describe(a, self.policy.refusal(a)) for a in addresses
                )
            raise BlockedAddress(
                f"{what}, which newsdb does not fetch unless allowed "
                f"(--allow-address {addresses[0]})"
            )
        last: Exception | None = None
        for address in allowed:
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise BlockedAddress("Unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def guarded_transport(policy: AddressPolicy, limits: httpx.Limits) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through ``GuardedBackend``.

    httpx does not take a network backend, so the transport's connection pool is replaced by
    one built the same way (httpx's default TLS context and limits) with ours.
    """
    transport = httpx.HTTPTransport(limits=limits)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(policy),
    )
    return transport


def _describe(address: str, kind: str | None) -> str:
    return f"{address}, {kind}" if kind and kind.startswith("not ") else f"{address} ({kind})"


def blocked_reason(exc: BaseException) -> str | None:
    """The policy's message if ``exc`` (an httpx error) came from a refused address."""
    seen = exc
    while seen is not None:
        if isinstance(seen, BlockedAddress):
            return str(seen)
        seen = seen.__cause__ or seen.__context__  # type: ignore[assignment]
    return None
