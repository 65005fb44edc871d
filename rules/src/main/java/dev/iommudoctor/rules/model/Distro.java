package dev.iommudoctor.rules.model;

import java.util.Locale;

/**
 * The Linux distribution family, guessed from the kernel release string; it decides how the
 * initramfs is rebuilt and where the bootloader config lives.
 */
public enum Distro {
    PROXMOX("update-initramfs -u -k all && proxmox-boot-tool refresh", "/etc/default/grub (or /etc/kernel/cmdline with systemd-boot), then proxmox-boot-tool refresh"),
    DEBIAN("update-initramfs -u -k all", "/etc/default/grub, then update-grub"),
    UBUNTU("update-initramfs -u -k all", "/etc/default/grub, then update-grub"),
    RHEL("dracut -f --regenerate-all", "grubby --update-kernel=ALL --args=\"...\""),
    FEDORA("dracut -f --regenerate-all", "grubby --update-kernel=ALL --args=\"...\""),
    ARCH("mkinitcpio -P", "/etc/default/grub, then grub-mkconfig -o /boot/grub/grub.cfg"),
    SUSE("dracut -f --regenerate-all", "/etc/default/grub, then grub2-mkconfig -o /boot/grub2/grub.cfg"),
    UNKNOWN("update-initramfs -u -k all   # Debian/Ubuntu/Proxmox\ndracut -f --regenerate-all   # RHEL/Fedora/SUSE\nmkinitcpio -P                # Arch",
            "the bootloader's kernel command line (/etc/default/grub, then regenerate the grub config)");

    private final String initramfsCommand;
    private final String cmdlineHowTo;

    Distro(String initramfsCommand, String cmdlineHowTo) {
        this.initramfsCommand = initramfsCommand;
        this.cmdlineHowTo = cmdlineHowTo;
    }

    /** The command that rebuilds the initramfs so modprobe.d changes apply at boot. */
    public String initramfsCommand() {
        return initramfsCommand;
    }

    /** Where kernel parameters are set persistently. */
    public String cmdlineHowTo() {
        return cmdlineHowTo;
    }

    /** Guesses from a kernel release such as {@code 6.8.12-4-pve} or {@code 5.14.0-570.el9_6.x86_64}. */
    public static Distro fromKernelRelease(String release) {
        String r = release.toLowerCase(Locale.ROOT);
        if (r.contains("-pve")) {
            return PROXMOX;
        }
        if (r.matches(".*\\.el\\d+.*")) {
            return RHEL;
        }
        if (r.matches(".*\\.fc\\d+.*")) {
            return FEDORA;
        }
        if (r.contains("arch") || r.contains("-zen")) {
            return ARCH;
        }
        if (r.contains("-default") && r.contains("suse") || r.matches(".*-\\d+-default$")) {
            return SUSE;
        }
        if (r.endsWith("-generic") || r.endsWith("-lowlatency") || r.contains("ubuntu")) {
            return UBUNTU;
        }
        if (r.contains("-amd64") || r.contains("+deb") || r.contains("-cloud-amd64")) {
            return DEBIAN;
        }
        return UNKNOWN;
    }
}
