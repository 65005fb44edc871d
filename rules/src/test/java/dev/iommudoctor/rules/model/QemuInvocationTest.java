package dev.iommudoctor.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.PciAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QemuInvocationTest {

    private static QemuInvocation invocation(int firstLine, String... lines) {
        String text = String.join("\n", lines);
        LogRecord r = new LogRecord(new SourceSpan("vm.log", firstLine, firstLine + lines.length - 1), OptionalDouble.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.of("qemu-system-x86_64"), Optional.empty(), text);
        assertTrue(QemuInvocation.looksLike(r), "a libvirt command line");
        return new QemuInvocation(r);
    }

    @Test
    void readsLibvirtJsonSyntax() {
        QemuInvocation q = invocation(2, "LC_ALL=C \\", "/usr/bin/qemu-system-x86_64 \\", "-name guest=sim-vm,debug-threads=on \\",
                "-m size=67108864k \\",
                "-object '{\"qom-type\":\"memory-backend-file\",\"id\":\"ram-node0\",\"mem-path\":\"/dev/hugepages/libvirt/qemu/4-sim-vm\","
                        + "\"prealloc\":true,\"size\":68719476736,\"host-nodes\":[0,1],\"policy\":\"bind\"}' \\",
                "-numa node,nodeid=0,cpus=0-31,memdev=ram-node0 \\",
                "-device '{\"driver\":\"vfio-pci\",\"host\":\"0000:ca:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}' \\",
                "-msg timestamp=on");
        assertEquals("sim-vm", q.vmName());
        assertEquals(64L << 30, q.memoryBytes().getAsLong());
        assertTrue(q.usesHugepages());
        assertEquals(Set.of(0, 1), q.hostNodes());
        QemuInvocation.MemoryBackend b = q.memoryBackends().get(0);
        assertEquals(Optional.of("bind"), b.policy());
        assertEquals(64L << 30, b.sizeBytes().getAsLong());
        assertEquals(6, b.line().line(), "the backend's own physical line");
        assertEquals(List.of(PciAddress.parse("0000:ca:00.0")), q.vfioDevices().stream().map(QemuInvocation.HostDevice::address).toList());
        assertEquals(8, q.vfioDevices().get(0).line().line());
    }

    @Test
    void readsKeyValueSyntaxAndLegacyMemPath() {
        QemuInvocation q = invocation(1, "/usr/bin/qemu-system-x86_64 \\", "-name win10 \\", "-m 8192 \\",
                "-object memory-backend-file,id=ram-node0,prealloc=yes,mem-path=/dev/hugepages1G/libvirt/qemu/1-win10,size=8589934592,host-nodes=1-2,policy=bind \\",
                "-device vfio-pci,host=01:00.0,id=hostdev0,bus=pci.0,addr=0x5");
        assertEquals("win10", q.vmName());
        assertEquals(8L << 30, q.memoryBytes().getAsLong());
        assertEquals(Set.of(1, 2), q.hostNodes());
        assertEquals(PciAddress.parse("0000:01:00.0"), q.vfioDevices().get(0).address());

        QemuInvocation legacy = invocation(1, "/usr/bin/qemu-kvm \\", "-name guest=old \\", "-m 4096 \\", "-mem-prealloc \\",
                "-mem-path /dev/hugepages/libvirt/qemu \\", "-machine pc");
        assertTrue(legacy.usesHugepages());
        assertTrue(legacy.hostNodes().isEmpty());
    }

    @Test
    void plainRamBackendIsNotHugepages() {
        QemuInvocation q = invocation(1, "/usr/bin/qemu-system-x86_64 \\", "-name guest=plain \\", "-m size=4194304k \\",
                "-object '{\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\",\"size\":4294967296}' \\", "-machine q35");
        assertFalse(q.usesHugepages());
        assertTrue(q.vfioDevices().isEmpty());
    }
}
