export const BASE_SECONDS = 1_764_000_000;
export const SPAN_SECONDS = 6 * 3600;
export const NAT_IP = "10.0.0.220";

/** The small network the generated flows run in: ENIs, outside peers and the services they use. */
export interface Eni {
  id: string;
  ip: string;
  ip6?: string;
  vpc: string;
  subnet: string;
  instance: string;
}

export const ENIS: Eni[] = [
  {
    id: "eni-0a1b2c3d4e5f60001",
    ip: "10.0.1.10",
    vpc: "vpc-0aaa",
    subnet: "subnet-0a1",
    instance: "i-0000000000000001",
    ip6: "2001:db8:1234:a100::10",
  },
  {
    id: "eni-0a1b2c3d4e5f60002",
    ip: "10.0.1.11",
    vpc: "vpc-0aaa",
    subnet: "subnet-0a1",
    instance: "i-0000000000000002",
  },
  {
    id: "eni-0a1b2c3d4e5f60003",
    ip: "10.0.2.20",
    vpc: "vpc-0aaa",
    subnet: "subnet-0a2",
    instance: "i-0000000000000003",
    ip6: "2001:db8:1234:a102::20",
  },
  { id: "eni-0a1b2c3d4e5f60004", ip: NAT_IP, vpc: "vpc-0aaa", subnet: "subnet-0a0", instance: "-" },
  {
    id: "eni-0a1b2c3d4e5f60005",
    ip: "172.31.16.139",
    vpc: "vpc-0bbb",
    subnet: "subnet-0b1",
    instance: "i-0000000000000005",
  },
  {
    id: "eni-0a1b2c3d4e5f60006",
    ip: "172.31.9.69",
    vpc: "vpc-0bbb",
    subnet: "subnet-0b2",
    instance: "i-0000000000000006",
  },
  {
    id: "eni-0a1b2c3d4e5f60007",
    ip: "192.0.2.15",
    vpc: "vpc-0ccc",
    subnet: "subnet-0c1",
    instance: "i-0000000000000007",
  },
  {
    id: "eni-0a1b2c3d4e5f60008",
    ip: "192.0.2.200",
    vpc: "vpc-0ccc",
    subnet: "subnet-0c1",
    instance: "i-0000000000000008",
    ip6: "2001:db8:5678::8",
  },
];
export const EXTERNAL = ["203.0.113.5", "203.0.113.12", "198.51.100.7", "52.95.128.179", "54.239.28.85"];
export const EXTERNAL6 = ["2001:db8:ffff::5", "2600:1f18:abcd::8"];
export const SERVICES: [port: number, protocol: number][] = [
  [22, 6],
  [80, 6],
  [443, 6],
  [3389, 6],
  [5432, 6],
  [53, 17],
  [123, 17],
  [0, 1],
];
