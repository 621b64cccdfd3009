package org.sunbid.bidder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Which interfaces and disk ids the bidder tool seals as the machine's: physical ones, never shared virtual ones. */
class MachineIdsTest {

    private static byte[] mac(String s) {
        return HexFormat.ofDelimiter(":").parseHex(s.toLowerCase());
    }

    @Test
    void physicalAdaptersIdentifyTheMachine() {
        assertTrue(MachineIds.identifiesMachine("eth0", mac("3C:52:82:1A:2B:3C")));
        assertTrue(MachineIds.identifiesMachine("enp3s0", mac("F8:BC:12:44:55:66")));
        assertTrue(MachineIds.identifiesMachine("wlan0", mac("A4:C3:F0:01:02:03")));
    }

    @Test
    void virtualAdaptersWithFixedOrVendorAddressesDoNot() {
        assertFalse(MachineIds.identifiesMachine("eth3", mac("00:50:56:C0:00:01")), "VMware VMnet1");
        assertFalse(MachineIds.identifiesMachine("eth4", mac("00:50:56:C0:00:08")), "VMware VMnet8");
        assertFalse(MachineIds.identifiesMachine("eth5", mac("0A:00:27:00:00:00")), "VirtualBox host-only");
        assertFalse(MachineIds.identifiesMachine("eth6", mac("00:05:9A:3C:7A:00")), "Cisco AnyConnect");
        assertFalse(MachineIds.identifiesMachine("eth7", mac("00:15:5D:01:02:03")), "Hyper-V default switch");
        assertFalse(MachineIds.identifiesMachine("eth8", mac("08:00:27:12:34:56")), "VirtualBox");
    }

    @Test
    void bridgesAndVirtualInterfaceNamesDoNot_whateverTheirAddress() {
        for (String name : new String[] {"docker0", "veth1a2b3c", "virbr0", "vmnet8", "vboxnet0", "br-0f1e2d3c4b5a"}) {
            assertFalse(MachineIds.identifiesMachine(name, mac("3C:52:82:1A:2B:3C")), name);
        }
        assertTrue(MachineIds.virtualName("Hyper-V Virtual Ethernet Adapter"));
        assertTrue(MachineIds.virtualName("Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64"));
        assertFalse(MachineIds.virtualName("Intel(R) Ethernet Connection (7) I219-V"));
    }

    @Test
    void locallyAdministeredMulticastZeroAndMissingAddressesDoNot() {
        assertFalse(MachineIds.identifiesMachine("eth0", mac("02:42:AC:11:00:02")), "docker-style, locally administered");
        assertFalse(MachineIds.identifiesMachine("eth0", mac("52:54:00:12:34:56")), "QEMU/KVM, locally administered");
        assertFalse(MachineIds.identifiesMachine("eth0", mac("01:00:5E:00:00:01")), "multicast");
        assertFalse(MachineIds.identifiesMachine("eth0", mac("00:00:00:00:00:00")));
        assertFalse(MachineIds.identifiesMachine("eth0", null));
        assertFalse(MachineIds.identifiesMachine("eth0", new byte[0]));
    }

    @Test
    void physicalDiskIdsIdentifyTheMachine_virtualLvmAndPartitionIdsDoNot() {
        assertTrue(MachineIds.identifiesDisk("nvme-Samsung_SSD_980_PRO_1TB_S5GXNF0R123456"));
        assertTrue(MachineIds.identifiesDisk("ata-WDC_WD10EZEX-08WN4A0_WD-WCC6Y1234567"));
        assertTrue(MachineIds.identifiesDisk("wwn-0x5002538e40a1b2c3"));
        for (String name : new String[] {"dm-name-vg0-root", "dm-uuid-LVM-abc123", "lvm-pv-uuid-Xyz", "ata-QEMU_HARDDISK_QM00001",
                "scsi-0QEMU_QEMU_HARDDISK_drive-scsi0", "ata-VBOX_HARDDISK_VB1234abcd-5678ef01", "scsi-36000c29VMware_Virtual_disk",
                "scsi-SMsft_Virtual_Disk_1234", "ata-WDC_WD10EZEX-08WN4A0_WD-WCC6Y1234567-part1", ""}) {
            assertFalse(MachineIds.identifiesDisk(name), name);
        }
    }
}
