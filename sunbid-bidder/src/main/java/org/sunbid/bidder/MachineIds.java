package org.sunbid.bidder;

import java.util.List;
import java.util.Locale;

/**
 * Which network interfaces and disk ids identify the machine a bid was prepared on, and which do not because they are
 * the same on unrelated machines: virtual and bridge adapters with fixed or vendor addresses (VMware VMnet, VirtualBox
 * host-only, Cisco AnyConnect, Hyper-V, docker0/veth/virbr), locally administered addresses, and virtual or LVM disk
 * names. Sealing such a value would make two honest bidders look like one machine (Reg. 40 (一)).
 */
final class MachineIds {

    /** Interface name prefixes of virtual adapters, bridges and tunnels. */
    private static final List<String> VIRTUAL_NAMES = List.of("docker", "veth", "virbr", "vmnet", "vboxnet", "br-",
            "tun", "tap", "vnet", "wg", "zt", "lxcbr", "lxdbr", "cni", "flannel", "utun", "vethernet");

    /** Display-name words of virtual adapters (Windows shows e.g. "Hyper-V Virtual Ethernet Adapter"). */
    private static final List<String> VIRTUAL_WORDS = List.of("virtual", "vmware", "virtualbox", "hyper-v", "anyconnect",
            "vpn", "tap-windows", "wintun", "loopback");

    /** OUIs (first three octets) of virtualisation and VPN vendors, whose adapters repeat across machines. */
    private static final List<Integer> VIRTUAL_OUIS = List.of(
            0x005056, 0x000C29, 0x000569, 0x001C14, // VMware
            0x080027,                               // VirtualBox
            0x00155D,                               // Microsoft Hyper-V
            0x00059A,                               // Cisco AnyConnect virtual adapter
            0x001C42,                               // Parallels
            0x00163E);                              // Xen

    /** Disk id parts of device-mapper, LVM and virtual disks. */
    private static final List<String> VIRTUAL_DISKS = List.of("qemu", "vbox", "vmware", "virtual_disk", "virtual-disk",
            "msft_virtual");

    private MachineIds() {
    }

    /**
     * Whether an interface with this name and hardware address identifies the machine: a non-empty, globally
     * administered unicast MAC that is not all zeros, not from a virtualisation or VPN vendor, on an interface whose
     * name is not a virtual adapter's or a bridge's.
     */
    static boolean identifiesMachine(String name, byte[] mac) {
        if (mac == null || mac.length != 6 || virtualName(name)) {
            return false;
        }
        if ((mac[0] & 0x02) != 0 || (mac[0] & 0x01) != 0) {
            return false; // locally administered, or a multicast address
        }
        boolean zero = true;
        for (byte b : mac) {
            zero &= b == 0;
        }
        int oui = (mac[0] & 0xff) << 16 | (mac[1] & 0xff) << 8 | mac[2] & 0xff;
        return !zero && !VIRTUAL_OUIS.contains(oui);
    }

    /** Whether an interface's name or display name is a virtual adapter's, a bridge's or a tunnel's. */
    static boolean virtualName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return VIRTUAL_NAMES.stream().anyMatch(n::startsWith) || VIRTUAL_WORDS.stream().anyMatch(n::contains);
    }

    /**
     * Whether a /dev/disk/by-id name identifies a physical disk: not a partition, not a device-mapper or LVM volume
     * (dm-name-*, dm-uuid-*, lvm-*), not a virtual disk (QEMU, VirtualBox, VMware, Hyper-V).
     */
    static boolean identifiesDisk(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return !n.contains("-part") && !n.startsWith("dm-") && !n.startsWith("lvm-")
                && VIRTUAL_DISKS.stream().noneMatch(n::contains);
    }
}
