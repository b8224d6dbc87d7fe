import type { EnumSet, Flag } from "@sysargs/dsl";

/**
 * AF_* address families: the `family` (domain) of socket(2) and socketpair(2), and sockaddr.sa_family.
 *
 * The values are the same on every ABI. The aliases AF_LOCAL (= AF_UNIX) and AF_ROUTE (= AF_NETLINK) are not
 * members (an enum value appears once), nor is AF_MAX, the bound. The PF_* protocol family names equal them.
 * No UAPI header defines them (user space gets them from the C library), so the kernel source proves them.
 * @source include/linux/socket.h (6.18)
 */
export type AddressFamily = EnumSet<{
  /** Unspecified. */
  AF_UNSPEC: 0;
  /** Unix domain sockets (AF_LOCAL). */
  AF_UNIX: 1;
  /** IPv4. */
  AF_INET: 2;
  /** Amateur radio AX.25. */
  AF_AX25: 3;
  /** Novell IPX. */
  AF_IPX: 4;
  /** AppleTalk DDP. */
  AF_APPLETALK: 5;
  /** Amateur radio NET/ROM. */
  AF_NETROM: 6;
  /** Multiprotocol bridge. */
  AF_BRIDGE: 7;
  /** ATM PVCs. */
  AF_ATMPVC: 8;
  /** X.25. */
  AF_X25: 9;
  /** IPv6. */
  AF_INET6: 10;
  /** Amateur radio X.25 PLP (ROSE). */
  AF_ROSE: 11;
  /** DECnet (reserved; the kernel no longer implements it). */
  AF_DECnet: 12;
  /** 802.2LLC NetBEUI (reserved). */
  AF_NETBEUI: 13;
  /** Security callback pseudo-family (reserved). */
  AF_SECURITY: 14;
  /** PF_KEY key management (IPsec). */
  AF_KEY: 15;
  /** Netlink (AF_ROUTE). */
  AF_NETLINK: 16;
  /** Packet sockets: raw link-level frames. */
  AF_PACKET: 17;
  /** Ash (reserved). */
  AF_ASH: 18;
  /** Acorn Econet (reserved; removed from the kernel). */
  AF_ECONET: 19;
  /** ATM SVCs. */
  AF_ATMSVC: 20;
  /** Reliable Datagram Sockets. */
  AF_RDS: 21;
  /** Linux SNA (reserved). */
  AF_SNA: 22;
  /** IrDA (removed from the kernel). */
  AF_IRDA: 23;
  /** PPP over X (PPPoE, PPTP, L2TP). */
  AF_PPPOX: 24;
  /** Wanpipe API (reserved). */
  AF_WANPIPE: 25;
  /** Linux LLC. */
  AF_LLC: 26;
  /** Native InfiniBand addresses (reserved for sockaddr_ib). */
  AF_IB: 27;
  /** MPLS (netlink routes only). */
  AF_MPLS: 28;
  /** Controller Area Network. */
  AF_CAN: 29;
  /** TIPC. */
  AF_TIPC: 30;
  /** Bluetooth. */
  AF_BLUETOOTH: 31;
  /** IUCV (s390). */
  AF_IUCV: 32;
  /** RxRPC. */
  AF_RXRPC: 33;
  /** mISDN. */
  AF_ISDN: 34;
  /** Phonet. */
  AF_PHONET: 35;
  /** IEEE 802.15.4. */
  AF_IEEE802154: 36;
  /** CAIF. */
  AF_CAIF: 37;
  /** Kernel crypto API. */
  AF_ALG: 38;
  /** NFC. */
  AF_NFC: 39;
  /** VM sockets (vsock). */
  AF_VSOCK: 40;
  /** Kernel Connection Multiplexor. */
  AF_KCM: 41;
  /** Qualcomm IPC router. */
  AF_QIPCRTR: 42;
  /** SMC sockets (shares AF_INET addresses) (since 4.11). */
  AF_SMC: Flag<43, "4.11">;
  /** XDP sockets (since 4.18). */
  AF_XDP: Flag<44, "4.18">;
  /** Management Component Transport Protocol (since 5.15). */
  AF_MCTP: Flag<45, "5.15">;
}>;

/**
 * IPPROTO_* protocols: the `protocol` of socket(2) and socketpair(2) for AF_INET and AF_INET6 (0 picks the
 * default protocol of the socket type). Other families give `protocol` other meanings (NETLINK_* for AF_NETLINK,
 * an Ethernet protocol in network byte order for AF_PACKET).
 *
 * The values are the same on every ABI. Not members: IPPROTO_SMC (256, since 6.11), which the 6.1 cross headers
 * lack and the kernel source only defines as an enumerator, so no source of `sysargs verify` proves it; the
 * IPv6 extension-header numbers of in6.h other than IPPROTO_ICMPV6 (IPPROTO_HOPOPTS repeats IPPROTO_IP's 0);
 * IPPROTO_MAX.
 * @source include/uapi/linux/in.h (6.18)
 * @source include/uapi/linux/in6.h (6.18) - IPPROTO_ICMPV6
 */
export type IpProtocol = EnumSet<{
  /** Dummy protocol for TCP (the default protocol). */
  IPPROTO_IP: 0;
  /** ICMP (ping sockets with SOCK_DGRAM, raw sockets). */
  IPPROTO_ICMP: 1;
  /** IGMP. */
  IPPROTO_IGMP: 2;
  /** IP in IP tunnels. */
  IPPROTO_IPIP: 4;
  /** TCP. */
  IPPROTO_TCP: 6;
  /** Exterior Gateway Protocol. */
  IPPROTO_EGP: 8;
  /** PUP. */
  IPPROTO_PUP: 12;
  /** UDP. */
  IPPROTO_UDP: 17;
  /** XNS IDP. */
  IPPROTO_IDP: 22;
  /** SO Transport Protocol Class 4. */
  IPPROTO_TP: 29;
  /** DCCP. */
  IPPROTO_DCCP: 33;
  /** IPv6-in-IPv4 tunnelling. */
  IPPROTO_IPV6: 41;
  /** RSVP. */
  IPPROTO_RSVP: 46;
  /** GRE. */
  IPPROTO_GRE: 47;
  /** IPsec Encapsulating Security Payload. */
  IPPROTO_ESP: 50;
  /** IPsec Authentication Header. */
  IPPROTO_AH: 51;
  /** ICMPv6 (ping sockets and raw sockets of AF_INET6). */
  IPPROTO_ICMPV6: 58;
  /** Multicast Transport Protocol. */
  IPPROTO_MTP: 92;
  /** IP option pseudo header for BEET. */
  IPPROTO_BEETPH: 94;
  /** Encapsulation header. */
  IPPROTO_ENCAP: 98;
  /** Protocol Independent Multicast. */
  IPPROTO_PIM: 103;
  /** Compression header protocol. */
  IPPROTO_COMP: 108;
  /** Layer 2 Tunnelling Protocol v3. */
  IPPROTO_L2TP: 115;
  /** SCTP. */
  IPPROTO_SCTP: 132;
  /** UDP-Lite. */
  IPPROTO_UDPLITE: 136;
  /** MPLS in IP. */
  IPPROTO_MPLS: 137;
  /** Ethernet within IPv6 (segment routing). */
  IPPROTO_ETHERNET: 143;
  /** Raw IP packets. */
  IPPROTO_RAW: 255;
  /** Multipath TCP (since 5.6). */
  IPPROTO_MPTCP: Flag<262, "5.6">;
}>;
