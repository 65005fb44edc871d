# ip -d link (iproute2 6.x) renderer for a Proxmox-style bond + bridge host
def _lo():
    return ["1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000",
            "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00 promiscuity 0  allmulti 0 minmtu 0 maxmtu 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 "]

BRIDGE_SLAVE = ("    bridge_slave state forwarding priority 32 cost %d hairpin off guard off root_block off fastleave off learning on flood on port_id 0x800%d port_no 0x%d "
                "designated_port 3276%d designated_cost 0 designated_bridge 8000.%s designated_root 8000.%s hold_timer    0.00 message_age_timer    0.00 "
                "forward_delay_timer    0.00 topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on "
                "bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off mab off addrgenmode none "
                "numtxqueues %d numrxqueues %d gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 %s")

def render(ifaces):
    """ifaces: list of dicts with idx,name,flags,mtu,qdisc,master,state,mac,kind ('phys','bond','bridge','tap','vf'),extra"""
    out = _lo()
    for i in ifaces:
        m = (" master %s" % i["master"]) if i.get("master") else ""
        out.append("%d: %s: <%s> mtu %d qdisc %s%s state %s mode DEFAULT group default qlen %d" % (i["idx"], i["name"], i["flags"], i["mtu"], i["qdisc"], m, i["state"], i.get("qlen", 1000)))
        promisc = 1 if i.get("master") else 0
        out.append("    link/ether %s brd ff:ff:ff:ff:ff:ff promiscuity %d  allmulti %d minmtu 68 maxmtu %d " % (i["mac"], promisc, 1 if i.get("master") or i["kind"] == "bridge" else 0, i.get("maxmtu", 9702)))
        k = i["kind"]
        if k == "phys" and i.get("master", "").startswith("bond"):
            out.append("    bond_slave state ACTIVE mii_status UP link_failure_count 0 perm_hwaddr %s queue_id 0 prio 0 ad_aggregator_id 1 ad_actor_oper_port_state 61 ad_partner_oper_port_state 61 addrgenmode none numtxqueues 64 numrxqueues 64 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 parentbus pci parentdev 0000:%s " % (i["mac"], i["pci"]))
        elif k == "phys":
            out.append("    addrgenmode none numtxqueues 64 numrxqueues 64 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 parentbus pci parentdev 0000:%s " % i["pci"])
        elif k == "bond":
            out.append("    bond mode 802.3ad miimon 100 updelay 0 downdelay 0 peer_notify_delay 0 use_carrier 1 arp_interval 0 arp_missed_max 2 arp_validate none arp_all_targets any primary_reselect always fail_over_mac none xmit_hash_policy layer3+4 resend_igmp 1 num_grat_arp 1 all_slaves_active 0 min_links 0 lp_interval 1 packets_per_slave 1 lacp_active on lacp_rate slow ad_select stable ad_aggregator 1 ad_num_ports 2 ad_actor_key 15 ad_partner_key 32785 ad_partner_mac 58:11:22:b0:00:01 ad_actor_sys_prio 65535 ad_user_port_key 0 ad_actor_system 00:00:00:00:00:00 tlb_dynamic_lb 1 ")
            if i.get("master"):
                out.append(BRIDGE_SLAVE % (2, 1, 1, 7, i["brmac"], i["brmac"], 16, 16, ""))
        elif k == "bridge":
            out.append("    bridge forward_delay 0 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q bridge_id 8000.%s designated_root 8000.%s root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer  221.37 vlan_default_pvid 1 vlan_stats_enabled 0 vlan_stats_per_port 0 group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3125 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 " % (i["mac"], i["mac"]))
        elif k == "tap":
            out.append("    tun type tap pi off vnet_hdr on multi_queue off persist off ")
            out.append(BRIDGE_SLAVE % (100, 2, 2, 8, i["brmac"], i["brmac"], 1, 1, ""))
        for l in i.get("extra", []): out.append(l)
    return "\n".join(out) + "\n"
